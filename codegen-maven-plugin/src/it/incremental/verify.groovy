// Incremental behaviour, driving further Maven runs on the same project:
// 1. an unchanged rebuild writes nothing (timestamps kept, "up to date" logged);
// 2. after an edit that drops ITX_Spare and adds ITX_Tier, the new class appears and the removed one disappears.
def out = new File(basedir, 'target/generated-sources/cimforge/it/bindings/itx')
def pool = new File(out, 'Pool.java')
def spare = new File(out, 'Spare.java')
assert pool.isFile() && spare.isFile()

def mvn(String... args) {
    def exe = new File(System.getProperty('maven.home'), 'bin/mvn').path
    def command = [exe, '-o', '-B', '-s', nestedSettings, "-Dmaven.repo.local=${localRepositoryPath}"] + args.toList()
    def process = new ProcessBuilder(command.collect { it.toString() }).directory(basedir).redirectErrorStream(true).start()
    def text = process.inputStream.text
    assert process.waitFor() == 0 : text
    return text
}

def before = out.listFiles().collectEntries { [(it.name): it.lastModified()] }
Thread.sleep(1100)
def second = mvn('generate-sources')
assert second.contains('Bindings are up to date') : second
out.listFiles().each { assert it.lastModified() == before[it.name] : "${it.name} was rewritten" }

def mof = new File(basedir, 'src/main/mof/pool.mof')
mof.text = mof.text.replace('class ITX_Spare {\n    [Key] string SpareID;\n};', 'class ITX_Tier {\n    [Key] string TierID;\n};')
def third = mvn('generate-sources')
assert third.contains('Generated ') : third
assert third.contains('removed') : third
assert new File(out, 'Tier.java').isFile()
assert !spare.exists() : 'generated file of a removed class must disappear'
assert pool.lastModified() == before['Pool.java'] : 'unchanged output keeps its timestamp'
return true
