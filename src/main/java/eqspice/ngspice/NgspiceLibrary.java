package eqspice.ngspice;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The C API of ngspice's shared library, mirroring {@code sharedspice.h}. C {@code bool} is one
 * byte and is mapped to {@code byte} (JNA's {@code boolean} would be four). Only this package
 * uses it; {@link NgspiceSession} owns the lifecycle.
 */
public interface NgspiceLibrary extends Library {

    /** {@code struct vector_info}: one vector of the current plot. */
    @Structure.FieldOrder({"v_name", "v_type", "v_flags", "v_realdata", "v_compdata", "v_length"})
    class VectorInfo extends Structure {
        public String v_name;
        public int v_type;
        public short v_flags;
        public Pointer v_realdata;
        public Pointer v_compdata;
        public int v_length;

        /** Layout only: the session reads fields at {@link #offsetOf} instead of copying the struct. */
        public VectorInfo() {
            super();
        }

        /** Byte offset of a field, computed by JNA from the declared layout. */
        public static long offsetOf(String field) {
            return new VectorInfo().fieldOffset(field);
        }
    }

    /** {@code struct vecvalues}: one vector's value at one simulation point (SendData). */
    @Structure.FieldOrder({"name", "creal", "cimag", "is_scale", "is_complex"})
    class VecValues extends Structure {
        public Pointer name;
        public double creal;
        public double cimag;
        public byte is_scale;
        public byte is_complex;

        /** Byte offset of a field, computed by JNA from the declared layout. */
        public static long offsetOf(String field) {
            return new VecValues().fieldOffset(field);
        }
    }

    /** {@code struct vecvaluesall}: all vectors' values at one simulation point (SendData). */
    @Structure.FieldOrder({"veccount", "vecindex", "vecsa"})
    class VecValuesAll extends Structure {
        public int veccount;
        public int vecindex;
        public Pointer vecsa;

        /** Byte offset of a field, computed by JNA from the declared layout. */
        public static long offsetOf(String field) {
            return new VecValuesAll().fieldOffset(field);
        }
    }

    /** {@code int SendChar(char*, int, void*)}: one line of ngspice's stdout/stderr. */
    interface SendChar extends Callback {
        int invoke(String text, int id, Pointer user);
    }

    /** {@code int SendStat(char*, int, void*)}: simulation status. */
    interface SendStat extends Callback {
        int invoke(String status, int id, Pointer user);
    }

    /** {@code int ControlledExit(int, bool, bool, int, void*)}: ngspice wants to exit. */
    interface ControlledExit extends Callback {
        int invoke(int status, byte immediate, byte quit, int id, Pointer user);
    }

    /** {@code int SendData(pvecvaluesall, int, int, void*)}: values per simulation point. */
    interface SendData extends Callback {
        int invoke(Pointer values, int count, int id, Pointer user);
    }

    /** {@code int SendInitData(pvecinfoall, int, void*)}: vector info before a simulation. */
    interface SendInitData extends Callback {
        int invoke(Pointer info, int id, Pointer user);
    }

    /** {@code int BGThreadRunning(bool, int, void*)}: background thread state. */
    interface BGThreadRunning extends Callback {
        int invoke(byte notRunning, int id, Pointer user);
    }

    /**
     * {@code int GetVSRCData(double*, double, char*, int, void*)}: value of an EXTERNAL voltage
     * source, written to {@code value}. The name stays a pointer: ngspice passes the same
     * {@code char*} (the instance's name) at every load, so its address identifies the source
     * without decoding a string per call.
     */
    interface GetVSRCData extends Callback {
        int invoke(Pointer value, double time, Pointer name, int id, Pointer user);
    }

    /** {@code int GetISRCData(double*, double, char*, int, void*)}: value of an EXTERNAL current source. */
    interface GetISRCData extends Callback {
        int invoke(Pointer value, double time, Pointer name, int id, Pointer user);
    }

    /** {@code int GetSyncData(double, double*, double, int, int, int, void*)}: time synchronisation. */
    interface GetSyncData extends Callback {
        int invoke(double time, Pointer delta, double oldDelta, int redoStep, int id, int location, Pointer user);
    }

    int ngSpice_Init(SendChar sendChar, SendStat sendStat, ControlledExit exit, SendData sendData,
                     SendInitData sendInitData, BGThreadRunning bgRunning, Pointer user);

    int ngSpice_Init_Sync(GetVSRCData vsrc, GetISRCData isrc, GetSyncData sync, Pointer ident, Pointer user);

    int ngSpice_Command(String command);

    Pointer ngGet_Vec_Info(String vectorName);

    int ngSpice_Circ(String[] lines);

    String ngSpice_CurPlot();

    Pointer ngSpice_AllPlots();

    Pointer ngSpice_AllVecs(String plotName);

    byte ngSpice_running();

    /** {@code bool ngSpice_SetBkpt(double)}: a breakpoint (a time point the next transient analysis must hit). */
    byte ngSpice_SetBkpt(double time);
}
