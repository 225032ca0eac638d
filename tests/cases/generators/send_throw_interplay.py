def worker():
    log = []
    while True:
        try:
            item = yield log[-1] if log else None
            log.append(f"got {item}")
        except KeyError as e:
            log.append(f"err {e}")
        except GeneratorExit:
            print("final log", log)
            return
w = worker()
next(w)
print(w.send(1))
print(w.throw(KeyError("k")))
print(w.send(2))
w.close()
