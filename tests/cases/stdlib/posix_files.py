# posix.truncate, utime (times and ns), link, system.
import posix
fd = posix.open('posix_files_tmp_u.txt', posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC)
posix.write(fd, b'0123456789'); posix.close(fd)
posix.truncate('posix_files_tmp_u.txt', 4)
posix.utime('posix_files_tmp_u.txt', (1000000000.5, 1000000001.25))
s = posix.stat('posix_files_tmp_u.txt'); print(s.st_size, s.st_atime, s.st_mtime, s.st_mtime_ns)
posix.utime('posix_files_tmp_u.txt', ns=(5, 3_000_000_007))
print(posix.stat('posix_files_tmp_u.txt').st_mtime_ns)
posix.link('posix_files_tmp_u.txt', 'posix_files_tmp_u2.txt'); print(posix.stat('posix_files_tmp_u.txt').st_nlink)
posix.unlink('posix_files_tmp_u2.txt'); posix.unlink('posix_files_tmp_u.txt')
print(posix.system('exit 3') >> 8)
