// The three builds of invoker.properties, in order, from the one build log.
def log = new File(basedir, 'build.log').text

def cooks = (log =~ /jchef: (cooked: |the dependencies are cooked already)/).collect { it[1] }
assert cooks == ['cooked: ', 'the dependencies are cooked already', 'cooked: '] : "cook, cache hit, cook: ${cooks}"

def builds = (log =~ /jchef: cargo build: (\d+) workspace units? compiled(?: \((.*?)\))?, (\d+) registry crates? compiled/)
    .collect { [it[1], it[2] ?: '', it[3]] }
assert builds.size() == 3 : "three real builds: ${builds}"
assert builds.every { it[2] == '0' } : "no registry crate compiled by a real build: ${builds}"
assert builds[0][1] == 'jni-demo' && builds[2][1] == 'jni-demo' : "the crate compiled: ${builds}"
// After mvn clean, the crate's own units are still fresh in the cook directory's target: at most
// the crate compiles (a fresh checkout, with new file times, compiles it).
assert builds[1][1] in ['', 'jni-demo'] : "the second build compiled nothing but the crate: ${builds}"

// jchef's warnings at Maven's warn level, its progress at debug (not in this log).
assert log =~ /(?m)^\[WARNING\] jchef: cache: not restored: .*nothing answers at 127\.0\.0\.1:1 \(connection refused\); cooking without it$/ :
    "the unreachable registry cache is one warning"
assert !(log =~ /(?m)^\[INFO\] jchef: .*packages built/) : "progress is logged at debug, not info"
assert log =~ /(?m)^\[INFO\] +Compiling / : "cargo's lines at info"

def tests = (log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed/).size()
assert tests == 3 : "the JNI test passed in each build: ${tests}"
return true
