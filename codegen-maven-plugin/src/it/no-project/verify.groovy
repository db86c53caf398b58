// The command-line form from the README, run in a folder that has no pom.xml.
def dir = new File(basedir, 'cli')
assert !new File(dir, 'pom.xml').exists()
def exe = new File(System.getProperty('maven.home'), 'bin/mvn').path
def plugin = "org.cimforge:codegen-maven-plugin:${pluginVersion}"
def command = [exe, '-o', '-B', '-s', nestedSettings, "-Dmaven.repo.local=${localRepositoryPath}", "${plugin}:generate",
               '-Dcimforge.mof=vendor.mof', '-Dcimforge.includePath=schema', '-Dcimforge.output=out',
               '-Dcimforge.package=com.vendor']
def process = new ProcessBuilder(command.collect { it.toString() }).directory(dir).redirectErrorStream(true).start()
def text = process.inputStream.text
assert process.waitFor() == 0 : text
def widget = new File(dir, 'out/com/vendor/vnd/Widget.java')
assert widget.isFile() : text
assert widget.text.contains('LARGE')

def validate = [exe, '-o', '-B', '-s', nestedSettings, "-Dmaven.repo.local=${localRepositoryPath}", "${plugin}:validate",
                '-Dcimforge.mof=vendor.mof', '-Dcimforge.includePath=schema']
def v = new ProcessBuilder(validate.collect { it.toString() }).directory(dir).redirectErrorStream(true).start()
def vText = v.inputStream.text
assert v.waitFor() == 0 : vText
assert vText.contains('MOF OK: 2 files, 1 classes') : vText

// The doc goal in the same folder: a static class reference under site/.
def doc = [exe, '-o', '-B', '-s', nestedSettings, "-Dmaven.repo.local=${localRepositoryPath}", "${plugin}:doc",
           '-Dcimforge.mof=vendor.mof', '-Dcimforge.includePath=schema', '-Dcimforge.output=site']
def d = new ProcessBuilder(doc.collect { it.toString() }).directory(dir).redirectErrorStream(true).start()
def dText = d.inputStream.text
assert d.waitFor() == 0 : dText
assert dText.contains('Class reference of 1 classes') : dText
assert new File(dir, 'site/index.html').text.contains('href="classes/VND_Widget.html"') : dText
def page = new File(dir, 'site/classes/VND_Widget.html')
assert page.isFile() : dText
assert page.text.contains('<h2>Properties</h2>')
assert new File(dir, 'site/tree.html').text.contains('<svg')
return true
