import sys
sys.exit("goodbye message")
