// From a vendor MOF to a running provider, as the plugin README's init section describes it:
// 1. init in work/ (vendor.mof subclasses CIM classes without includes; schema/ is the class search path),
//    then init again, which must refuse and leave the project as it was;
// 2. replace one generated method body, as a user would;
// 3. build the project with real Maven (its generated test runs against the server);
// 4. java -jar the packaged provider (with the JVM options its README documents) and drive CRUD, associations,
//    pull and the method with the SBLIM client.
import java.util.concurrent.TimeUnit

def work = new File(basedir, 'work')
def exe = new File(System.getProperty('maven.home'), 'bin/mvn').path
def plugin = "org.cimforge:codegen-maven-plugin:${pluginVersion}"

// Collects a process's output; the stream closes under the reader when the process is stopped, which ends it.
def drainLines(Process process, Appendable into) {
    try {
        process.inputStream.eachLine { into.append(it).append('\n') }
    } catch (IOException closed) {
        // the process was stopped
    }
}

def run = { File dir, List<String> command, long minutes ->
    def process = new ProcessBuilder(command.collect { it.toString() }).directory(dir).redirectErrorStream(true).start()
    def text = new StringBuilder()
    def reader = Thread.start { drainLines(process, text) }
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
        process.destroyForcibly()
        assert false : "timed out after ${minutes} min: ${command}\n${text}"
    }
    reader.join(10000)
    [process.exitValue(), text.toString()]
}

def init = [exe, '-o', '-B', '-s', nestedSettings, "-Dmaven.repo.local=${localRepositoryPath}", "${plugin}:init",
            '-Dcimforge.mof=vendor.mof', '-Dcimforge.includePath=schema', '-Dcimforge.artifactId=acme-provider',
            '-Dcimforge.groupId=com.acme', '-Dcimforge.package=com.acme.wbem']
def (code, text) = run(work, init, 5)
assert code == 0 : text
assert text.contains('MOF OK: 10 files (9 found on the include path by name)') : text
assert text.contains('starter providers: com.acme.wbem.server.ArraySystemProviderImpl, com.acme.wbem.server.VolumeProviderImpl, com.acme.wbem.server.FlashVolumeProviderImpl, com.acme.wbem.server.ArrayVolumeProviderImpl') : text
def project = new File(work, 'acme-provider')
assert new File(project, 'src/main/cim-schema/Device/CIM_StorageVolume.mof').isFile()
assert !new File(project, 'src/main/cim-schema/Device/CIM_Fan.mof').exists() : 'only what the MOF needs is copied'

// init again: refused, with a clear error, nothing touched.
def pom = new File(project, 'pom.xml')
def pomBefore = pom.text
def pomTime = pom.lastModified()
def (again, againText) = run(work, init, 5)
assert again != 0 : againText
assert againText.contains('acme-provider already exists; init writes a new project and never overwrites one') : againText
assert !againText.contains('\tat org.') : 'no stack trace'
assert pom.text == pomBefore && pom.lastModified() == pomTime
assert work.list().findAll { it.startsWith('.acme-provider') }.isEmpty() : 'no temporary folder left'

// A user's first edit: Expand grows the volume kept in the store.
def provider = new File(project, 'src/main/java/com/acme/wbem/server/VolumeProviderImpl.java')
def generated = '        throw CimErrors.notSupported("Expand");\n'
assert provider.text.contains(generated) : provider.text
provider.text = provider.text
        .replace('import com.acme.wbem.acme.Volume;\n', 'import com.acme.wbem.acme.Volume;\nimport java.math.BigInteger;\nimport java.util.List;\n')
        .replace(generated, '''\
        Volume volume = Volume.fromCimInstance(store().get(context.namespace(), target.path()));
        BigInteger blocks = volume.getNumberOfBlocks().add(BigInteger.valueOf(args.getBlocks()));
        modifyInstance(context, volume.toBuilder().numberOfBlocks(blocks).build(), List.of("NumberOfBlocks"));
        return new Volume.ExpandResult.Builder().returnValue(Volume.ExpandResult.ReturnCode.DONE).newSize(blocks).build();
''')

// The project's own build: generate, compile, its ServerTest (SBLIM client against the server), the runnable jar.
// It resolves what it needs from the invoker's repository, then from the build's own local repository.
def settings = new File(basedir, 'project-settings.xml')
settings.text = """<settings><profiles><profile><id>cimforge</id>
  <activation><activeByDefault>true</activeByDefault></activation>
  <repositories><repository><id>local.central</id><url>${new File(mainRepository).toURI()}</url></repository></repositories>
  <pluginRepositories><pluginRepository><id>local.central</id><url>${new File(mainRepository).toURI()}</url></pluginRepository></pluginRepositories>
</profile></profiles></settings>"""
def (built, buildText) = run(project, [exe, '-B', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}", 'verify'], 15)
new File(basedir, 'project-build.log').text = buildText
assert built == 0 : buildText
assert buildText.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : buildText
def jar = new File(project, 'target/acme-provider.jar')
assert jar.isFile()

// java -jar, on a free loopback port, HTTPS off; then the SBLIM client, from the jar's own class path.
def socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
def port = socket.localPort
socket.close()
def java = new File(System.getProperty('java.home'), 'bin/java').path
// With the JVM options of the README's launch command (the heap settings it documents), read from the README itself.
def launch = new File(project, 'README.md').readLines().find { it.startsWith('java ') && it.contains(' -jar target/acme-provider.jar') }
assert launch != null : 'no java -jar command in the README'
def jvmOptions = launch.substring('java '.length(), launch.indexOf(' -jar ')).trim().split(/\s+/) as List
assert jvmOptions.any { it.startsWith('-Xmx') } : launch
def server = new ProcessBuilder([java] + jvmOptions + ['-jar', jar.path, '--http-port', "${port}".toString(), '--https-port', '0',
        '--user', 'it', '--password', 'it-secret', '--namespace', 'root/x']).redirectErrorStream(true).start()
def serverLog = new StringBuffer()
def serverReader = Thread.start { drainLines(server, serverLog) }
try {
    long deadline = System.currentTimeMillis() + 60000
    while (!serverLog.toString().contains('press Ctrl-C to stop') && server.isAlive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(100)
    }
    assert serverLog.toString().contains("acme-provider: serving namespace root/x (and root/interop) at http://127.0.0.1:${port}") : serverLog
    assert !serverLog.toString().contains('SLF4J') : serverLog
    def (driven, driveText) = run(project, [java, '-cp', jar.path, new File(basedir, 'ClientDriver.java').path,
                                            "${port}", 'it', 'it-secret', 'root/x'], 3)
    new File(basedir, 'client-driver.log').text = driveText
    assert driven == 0 : driveText + '\nserver:\n' + serverLog
    assert driveText.contains('ALL CHECKS PASSED') : driveText
} finally {
    server.destroy()
    if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly()
        server.waitFor(10, TimeUnit.SECONDS)
    }
    serverReader.join(5000)
}
return true
