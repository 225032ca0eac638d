import sys
try:
    sys.exit(False)
except SystemExit as e:
    print("False ->", repr(e.code))
sys.exit(2.5)
