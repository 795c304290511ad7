package eqspice.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice completion}: a bash/zsh completion script generated from the command model. */
@Command(name = "completion", description = {"Print a bash (and zsh) completion script for eqspice, generated from "
        + "its commands and options. Load it in the current shell with: source <(./eqspice completion)",
    "or keep it: ./eqspice completion > ~/.local/share/bash-completion/completions/eqspice"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("eqspice", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
