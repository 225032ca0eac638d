print("helper module executing", __name__)
COUNT = 0
def bump():
    global COUNT
    COUNT += 1
    return COUNT
if __name__ == "__main__":
    print("never as main")
