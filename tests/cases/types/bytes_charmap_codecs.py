print(b'\xe9'.decode('cp1252'), 'é€'.encode('cp1252'), b'\x81'.decode('cp1252', 'replace'))
try:
    b'\x81'.decode('cp1252')
except UnicodeDecodeError as e:
    print(e)
print('é'.encode('cp437'), b'\x82'.decode('cp437'), 'Ж'.encode('koi8-r'), 'é'.encode('mac-roman'))
