import sys
def shutdown(code):
    try:
        sys.exit(code)
    finally:
        print("cleanup before exit")
shutdown(42)
print("unreachable")
