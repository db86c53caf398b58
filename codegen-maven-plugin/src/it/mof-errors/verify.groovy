// Both errors are logged with file:line:col and the build fails naming the count.
def log = new File(basedir, 'build.log').text
assert log =~ /broken\.mof:5:11: error: qualifier Bogus is not declared.*\[unknown-qualifier\]/
assert log =~ /broken\.mof:6:19: error: value 300 does not fit uint8.*\[value-out-of-range\]/
assert log.contains('The MOF has 2 errors')
assert !log.contains('\tat org.cimforge') : 'no stack trace for a MOF mistake'
return true
