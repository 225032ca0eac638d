import sys
def level3():
    sys.exit(11)
def level2():
    try:
        level3()
    except Exception:
        print("Exception does not catch SystemExit")
def level1():
    level2()
    print("not printed")
level1()
