print('a\ud800b'.encode('utf-8', 'namereplace'))
print('aé€b'.encode('ascii', 'namereplace'))
print('x\U0001f600\u0378y'.encode('latin-1', 'namereplace'))
