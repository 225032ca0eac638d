print("__name__ is", __name__)
def main():
    print("main() called")
if __name__ == "__main__":
    main()
import sys
print(sys.modules["__main__"].__name__, sys.modules["__main__"].main is main)
print(__file__.rsplit("/", 1)[-1], __spec__, __package__, __loader__.__class__.__name__)
