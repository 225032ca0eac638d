print("compiling")
eval("1 +* 2")
