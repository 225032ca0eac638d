import sys
print("exception exit code is 1")
raise ValueError("final")
