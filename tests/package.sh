#!/bin/sh
# fuhua — the Debian package on a fresh Debian 12, as a district's IT staff
# would meet it (make fresh-test runs this in its new root, as root, after
# the README's lines): `make deb` and lintian (no error), the previous
# version installed with `apt-get install ./fuhua_*.deb`, `fuhua init` and a
# demo's tenants as the package's user, the unit files through
# `systemd-analyze verify`, then the upgrade to this version over that
# database: backed up first, migrated, every row kept, `fuhua check` clean;
# the nightly backup's command as its unit runs it; removal and purge keep
# /var/lib/fuhua. Prints "package: …" lines; exits non-zero at the first
# failure. Never run it on a machine you care about: it installs and purges.
set -eu
cd "$(dirname "$0")/.."
say() { printf 'package: %s\n' "$*"; }
die() { say "FAILED: $*" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
db=/var/lib/fuhua/fuhua.db
mkdir -p build

say "the tools: build-essential, dpkg-dev, debhelper, lintian, sqlite3"
apt-get install -y --no-install-recommends build-essential dpkg-dev debhelper lintian sqlite3 > build/package-apt.log 2>&1 ||
	die "apt-get install of the build tools failed; see build/package-apt.log"

# the previous version: this tree, its changelog one version back
version=$(head -n 1 debian/changelog | cut -d ' ' -f 2 | tr -d '()')
prev=build/prev
rm -rf "$prev" && mkdir -p "$prev"
tar -c --exclude=./build --exclude=./.git --exclude=./demo . | tar -x -C "$prev"
sed -i '1s/^fuhua ([^)]*)/fuhua (0.1.99)/' "$prev/debian/changelog"
say "make deb (the previous version, 0.1.99)"
(cd "$prev" && make deb > ../prev-deb.log 2>&1) || die "make deb of 0.1.99 failed; see build/prev-deb.log"
say "make deb ($version), lintian"
make deb > build/deb.log 2>&1 || die "make deb failed; see build/deb.log"
grep -E '^[EW]: ' build/deb/lintian.txt || say "lintian: no error, no warning"
grep -q '^E: ' build/deb/lintian.txt && die "lintian reports errors"

# a root this ran in before: from nothing again
apt-get purge -y fuhua > /dev/null 2>&1 || true
rm -rf /var/lib/fuhua

say "apt-get install ./fuhua_0.1.99_*.deb"
apt-get install -y "./$prev/build/deb/"fuhua_0.1.99_*.deb > build/package-install.log 2>&1 ||
	die "installing 0.1.99 failed; see build/package-install.log"
id fuhua > /dev/null || die "no system user fuhua"
[ "$(stat -c '%a %U %G' /var/lib/fuhua)" = "2770 fuhua fuhua" ] || die "/var/lib/fuhua is $(stat -c '%a %U %G' /var/lib/fuhua)"
fuhua --version | grep -q '^fuhua 0.1.99$' || die "fuhua --version: $(fuhua --version | head -n 1)"
[ -f /etc/fuhua/config/levels/city.yaml ] || die "no /etc/fuhua/config"
grep -q '^/etc/fuhua/config/levels/city.yaml$' /var/lib/dpkg/info/fuhua.conffiles || die "the configuration is not a conffile"
[ -f /usr/share/bash-completion/completions/fuhua ] && [ -f /usr/share/man/man1/fuhua.1.gz ] &&
	[ -f /usr/share/man/man5/fuhua-config.5.gz ] || die "completion or man pages missing"

say "fuhua init as the user fuhua (its defaults: /etc/fuhua/config, $db)"
runuser -u fuhua -- fuhua init < /dev/null > build/package-init.log 2>&1 || die "fuhua init failed; see build/package-init.log"
[ -f "$db" ] || die "fuhua init made no $db"
runuser -u fuhua -- fuhua demo --tenants 200 > /dev/null 2>&1 || die "fuhua demo as fuhua failed"
# every table of records (settings, the program's own notes, grows: the
# backup records where it went; virtual tables are counted through theirs)
tables=$(sqlite3 "$db" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
	AND name != 'settings' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
rows() { for t in $tables; do printf '%s %s\n' "$t" "$(sqlite3 "$db" "SELECT count(*) FROM \"$t\"")"; done; }
rows > build/rows.before
tenants=$(sqlite3 "$db" "SELECT count(*) FROM tenants")
[ "$tenants" -gt 0 ] || die "no tenants before the upgrade"

say "systemd-analyze verify the units"
systemd-analyze verify --man=no /lib/systemd/system/fuhua-*.service /lib/systemd/system/fuhua-*.timer \
	> build/verify.log 2>&1 || die "systemd-analyze verify: $(cat build/verify.log)"
[ ! -s build/verify.log ] || die "systemd-analyze verify: $(cat build/verify.log)"
for t in backup remind party-annual check close-month; do
	[ -L "/etc/systemd/system/timers.target.wants/fuhua-$t.timer" ] || die "fuhua-$t.timer is not enabled"
done

say "apt-get install ./fuhua_${version}_*.deb: the upgrade over $tenants tenants"
apt-get install -y ./build/deb/fuhua_"${version}"_*.deb > build/package-upgrade.log 2>&1 ||
	die "the upgrade failed; see build/package-upgrade.log"
grep -q 'backed up to /var/lib/fuhua/backups/before-upgrade-from-0.1.99-' build/package-upgrade.log ||
	die "the upgrade did not say it backed the database up"
grep -q 'migrated to this version and checks clean' build/package-upgrade.log || die "the upgrade did not say it migrated"
copy=$(ls /var/lib/fuhua/backups/before-upgrade-from-0.1.99-*.db)
[ "$(sqlite3 "$copy" "SELECT count(*) FROM tenants")" = "$tenants" ] || die "the backup before the upgrade lacks tenants"
rows > build/rows.after
cmp -s build/rows.before build/rows.after || die "rows changed: $(diff build/rows.before build/rows.after | head -n 5)"
runuser -u fuhua -- fuhua check > /dev/null || die "fuhua check after the upgrade"
fuhua --version | grep -q "^fuhua $version\$" || die "fuhua --version after the upgrade"

say "the nightly backup, as its unit runs it"
runuser -u fuhua -- fuhua backup --to /var/lib/fuhua/backups --keep 14 2> /dev/null || die "the backup unit's command failed"
ls /var/lib/fuhua/backups/fuhua-*.db > /dev/null || die "no day's copy"

say "remove, then purge: /var/lib/fuhua stays"
apt-get remove -y fuhua > build/package-remove.log 2>&1 || die "apt-get remove failed"
[ -f "$db" ] || die "removing the package removed the database"
apt-get purge -y fuhua > build/package-purge.log 2>&1 || die "apt-get purge failed"
[ -f "$db" ] || die "purging removed the database"
[ ! -e /etc/fuhua/config/levels/city.yaml ] || die "purging left the configuration"
say "passed: lintian $(grep -c '^[EW]: ' build/deb/lintian.txt || true) errors and warnings; 0.1.99 -> $version kept $(wc -l < build/rows.after) tables' rows, $tenants tenants"
