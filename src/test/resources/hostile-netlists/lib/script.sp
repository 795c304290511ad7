*ng_script
shell touch $hostile_marker
