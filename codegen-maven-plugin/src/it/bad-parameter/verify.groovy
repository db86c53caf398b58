// A wrong value fails the build loudly, names the parameter and lists the allowed values.
def log = new File(basedir, 'build.log').text
assert log.contains("cimforge.emit: 'everything' is not one of the allowed values: model, providers, clients")
assert !log.contains('\tat org.cimforge')
return true
