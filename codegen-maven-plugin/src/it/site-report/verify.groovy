// mvn site with the doc-report report: the class reference is written into the site and listed in its menu.
def site = new File(basedir, 'target/site')
def index = new File(site, 'cimforge-doc/index.html')
assert index.isFile()
assert index.text.contains('<h1>Site report test classes</h1>')
assert new File(site, 'cimforge-doc/classes/ITS_DiskPool.html').text.contains('href="ITS_Pool.html"')
def reports = new File(site, 'project-reports.html')
assert reports.isFile()
assert reports.text.contains('cimforge-doc/index.html')
assert reports.text.contains('CIM class reference')
return true
