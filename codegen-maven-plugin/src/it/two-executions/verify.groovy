// Two generate executions in one project: each keeps its own state file and MOF bundle (keyed by
// execution id), so neither deletes the other's output, in the first build and in an incremental
// rebuild where only one MOF changed; the jar carries both bundles.
import java.util.jar.JarFile

def disk = new File(basedir, 'target/generated-sources/disks/it/disks/dsk/Disk.java')
def pool = new File(basedir, 'target/generated-sources/pools/it/pools/pol/Pool.java')
def spare = new File(basedir, 'target/generated-sources/pools/it/pools/pol/Spare.java')
[disk, pool, spare].each { assert it.isFile() : "missing ${it}" }
assert new File(basedir, 'target/classes/example/UsesBoth.class').isFile()
assert new File(basedir, 'target/cimforge/generate-disks.state').isFile()
assert new File(basedir, 'target/cimforge/generate-pools.state').isFile()
assert !new File(basedir, 'target/cimforge/generate.state').exists()

def jar = new File(basedir, 'target/two-executions-1.0.jar')
def bundles = { ->
    new JarFile(jar).withCloseable { j ->
        ['disks', 'pools'].collectEntries { id ->
            def entry = j.getEntry("META-INF/cimforge/${id}/schema.mof")
            [(id): entry == null ? null : j.getInputStream(entry).text]
        }
    }
}
def first = bundles()
assert first.disks?.contains('class DSK_Disk') && !first.disks.contains('POL_')
assert first.pools?.contains('class POL_Pool') && !first.pools.contains('DSK_')

def mvn(String... args) {
    def exe = new File(System.getProperty('maven.home'), 'bin/mvn').path
    def command = [exe, '-o', '-B', '-s', nestedSettings, "-Dmaven.repo.local=${localRepositoryPath}"] + args.toList()
    def process = new ProcessBuilder(command.collect { it.toString() }).directory(basedir).redirectErrorStream(true).start()
    def text = process.inputStream.text
    assert process.waitFor() == 0 : text
    return text
}

def diskStamp = disk.lastModified()
Thread.sleep(1100)
def mof = new File(basedir, 'src/main/mof-pools/pools.mof')
mof.text = mof.text.replace('class POL_Spare {\n    [Key] string SpareID;\n};', 'class POL_Tier {\n    [Key] string TierID;\n};')
def second = mvn('package')
// The disks execution saw nothing of its own change; the pools execution regenerated and pruned.
assert second.contains('Bindings are up to date (') : second
// Spare.java and its provider and client.
assert second.contains('removed 3 stale files') : second
assert disk.isFile() && disk.lastModified() == diskStamp : 'the disks execution must not be touched'
assert pool.isFile()
assert !spare.exists()
assert new File(basedir, 'target/generated-sources/pools/it/pools/pol/Tier.java').isFile()
def after = bundles()
assert after.disks?.contains('class DSK_Disk')
assert after.pools?.contains('class POL_Tier') && !after.pools.contains('POL_Spare')
return true
