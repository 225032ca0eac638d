try:
    input()
except EOFError as e:
    print('EOFError', e)
try:
    input('prompt> ')
except EOFError as e:
    print('\nEOFError', e)
try:
    input(1, 2)
except TypeError as e:
    print(e)
import sys
print(sys.stdin.read(), repr(sys.stdin.readline()))
print(sys.stdin.isatty())
