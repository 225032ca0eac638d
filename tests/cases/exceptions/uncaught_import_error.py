import sys
print("before")
from sys import not_a_name
