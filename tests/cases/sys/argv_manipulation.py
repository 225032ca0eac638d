import sys
print(sys.argv[0])
sys.argv.append("extra")
print(sys.argv)
sys.argv[:] = ["replaced"]
print(sys.argv)
