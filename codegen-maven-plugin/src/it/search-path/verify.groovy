// The class search path in a real build: acme.mof subclasses CIM classes without any include and the
// plugin has only cim-schema/ on its include path. validate and generate both resolve the classes by
// file name, generate writes the vendor classes plus what they need (not the whole schema folder),
// and a class the folder lacks fails with a located error naming where it was searched.
def log = new File(basedir, 'build.log').text
assert log.contains('found on the include path by name') : log

def out = new File(basedir, 'target/generated-sources/cimforge/it/sp')
def model = { String prefix -> (new File(out, prefix).listFiles() ?: [] as File[]).findAll { it.name.endsWith('.java') }*.name.sort() }
// ACME_StorageVolume keeps its prefix: its bare name is its ancestor CIM_StorageVolume's (codegen README, naming).
assert model('acme') == ['AcmeStorageVolume.java', 'ArraySystem.java', 'HostedVolume.java'] : model('acme')
// Superclasses, the REF parameter target (CIM_ConcreteJob) and the EmbeddedInstance class (CIM_Setting);
// CIM_Unrelated is in the folder but nothing needs it.
assert model('cim') == ['ComputerSystem.java', 'ConcreteJob.java', 'LogicalDevice.java', 'ManagedElement.java',
                        'Setting.java', 'StorageVolume.java'] : model('cim')
assert new File(basedir, 'target/classes/example/UsesVolume.class').isFile()
// The bundle holds what was read, search path files first, under the execution's id.
def bundle = new File(basedir, 'target/classes/META-INF/cimforge/vendor/schema.mof')
assert bundle.isFile()
assert bundle.text.indexOf('Qualifier Key') < bundle.text.indexOf('class ACME_StorageVolume')
assert !bundle.text.contains('CIM_Unrelated')
assert new File(basedir, 'target/cimforge/generate-vendor.state').isFile()

def exe = new File(System.getProperty('maven.home'), 'bin/mvn').path
def command = [exe, '-o', '-B', '-s', nestedSettings, "-Dmaven.repo.local=${localRepositoryPath}",
               "org.cimforge:codegen-maven-plugin:${pluginVersion}:validate",
               '-Dcimforge.mof=bad/missing.mof', '-Dcimforge.includePath=cim-schema']
def process = new ProcessBuilder(command.collect { it.toString() }).directory(basedir).redirectErrorStream(true).start()
def text = process.inputStream.text
assert process.waitFor() != 0 : text
assert text.contains('missing.mof:3:21: error: superclass CIM_NoSuchClass of ACME_Widget is not declared; '
        + 'no file CIM_NoSuchClass.mof under the include path') : text
assert text.contains('[unknown-superclass]') : text
assert !text.contains('\tat org.') : 'no stack trace'
return true
