#!/bin/sh
# fuhua — the README's quick start on a fresh Debian 12 (make fresh-test).
#
# Unpacks a minimal Debian 12 root (debootstrap --variant=minbase bookworm,
# from the mirror apt already uses; the packages are downloaded once into
# build/fresh/minbase.tgz, the root is new at every run), clones the
# committed tree into it and runs the README's commands there, as root:
# the line that installs make and git, then 'make test' (which must end
# "N passed, 0 failed"), then 'make run' in a terminal (the host's tmux)
# until the login screen shows, then tests/package.sh (make deb, lintian,
# install, init, upgrade, remove, purge). Each step runs in a mount and PID namespace
# of its own, so nothing it starts outlives it. Needs root and the network
# to Debian's archive; not part of .ci/run. Logs stay in build/fresh/.
set -eu
top=$(git rev-parse --show-toplevel)
work=${FRESH_DIR:-$top/build/fresh}
root=$work/root
say() { printf 'fresh-test: %s\n' "$*"; }
die() { say "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot and mounts): sudo make fresh-test"
for cmd in debootstrap tmux unshare; do
	command -v $cmd > /dev/null 2>&1 && continue
	say "installing $cmd"
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		"$(case $cmd in unshare) echo util-linux ;; *) echo $cmd ;; esac)" > /dev/null ||
		die "cannot install $cmd"
done

# The README's own lines: what a new user types.
prereq=$(sed -n 's/.*`\(apt-get update && apt-get install [^`]*make git\)`.*/\1/p' "$top/README.md" | head -n 1)
[ -n "$prereq" ] || die "README.md has no line 'apt-get update && apt-get install … make git'"
grep -q '^make run ' "$top/README.md" && grep -q '^make test ' "$top/README.md" ||
	die "README.md's quick start has no 'make run' and 'make test' lines"

mirror=$(apt-get indextargets --format '$(CODENAME) $(REPO_URI)' 'Created-By: Packages' 2> /dev/null |
	awk '$1 == "bookworm" { print $2; exit }')
mirror=${mirror:-http://deb.debian.org/debian/}
mkdir -p "$work"
if [ ! -s "$work/minbase.tgz" ]; then
	say "downloading a minimal Debian 12 from $mirror"
	rm -rf "$work/download"
	debootstrap --variant=minbase --make-tarball="$work/minbase.tgz.part" bookworm \
		"$work/download" "$mirror" > "$work/debootstrap.log" 2>&1 ||
		die "debootstrap --make-tarball failed; see $work/debootstrap.log"
	mv "$work/minbase.tgz.part" "$work/minbase.tgz"
	rm -rf "$work/download"
fi

# A new root at every run: whatever the last one installed is gone.
cleanup() {
	tmux -L fuhua-fresh kill-server 2> /dev/null || true
}
trap cleanup EXIT
cleanup
rm -rf "$root"
say "unpacking a minimal Debian 12 root in $root"
debootstrap --variant=minbase --unpack-tarball="$work/minbase.tgz" bookworm "$root" "$mirror" \
	> "$work/debootstrap.log" 2>&1 || die "debootstrap failed; see $work/debootstrap.log"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2> /dev/null || true
mkdir -p "$root/mnt/fuhua"

# in_root SCRIPT: runs SCRIPT in the root with /proc, /dev and the committed
# tree (read only, at /mnt/fuhua) mounted, in namespaces of its own.
cat > "$work/enter" << EOF
#!/bin/sh
exec unshare --mount --pid --fork --kill-child sh -c '
	set -e
	mount --make-rprivate /
	mount -t proc proc "$root/proc"
	mount --rbind /dev "$root/dev"
	mount -t sysfs sysfs "$root/sys"
	mount --bind -o ro "$top" "$root/mnt/fuhua"
	exec chroot "$root" /usr/bin/env -i HOME=/root TERM="\${TERM:-dumb}" \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		FUHUA_LANG="\${FUHUA_LANG:-}" /bin/sh -c "cd /root && \$1"' sh "\$1"
EOF
chmod +x "$work/enter"
in_root() { "$work/enter" "$1"; }

say "README: $prereq"
in_root "$prereq" > "$work/prereq.log" 2>&1 || die "'$prereq' failed; see $work/prereq.log"
in_root "git clone -q /mnt/fuhua fuhua" > "$work/clone.log" 2>&1 ||
	die "git clone of the committed tree failed; see $work/clone.log"

say "README: make test"
start=$(date +%s)
rc=0
in_root "cd fuhua && make test" > "$work/test.log" 2>&1 || rc=$?
secs=$(($(date +%s) - start))
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$work/test.log" | tail -n 1)
if [ $rc -ne 0 ] || [ -z "$summary" ] || ! printf '%s\n' "$summary" | grep -q ' 0 failed$'; then
	grep -E '^FAIL|rror' "$work/test.log" | head -n 20 >&2
	tail -n 5 "$work/test.log" >&2
	die "make test: ${summary:-no summary line} (exit $rc, $secs s); see $work/test.log"
fi
say "make test: $summary ($secs s)"

say "README: make run (in tmux, until the login screen)"
start=$(date +%s)
tmux -L fuhua-fresh -f /dev/null new-session -d -s run -x 100 -y 30 \
	"$work/enter 'cd fuhua && make run'; echo fuhua-exited-\$?; sleep 600"
shown=no
i=0
while [ $i -lt 1800 ]; do # up to 15 minutes: the build and its packages come first
	tmux -L fuhua-fresh capture-pane -p -t run > "$work/run.screen" 2> /dev/null || true
	if grep -q '操作员' "$work/run.screen" && grep -q '密码' "$work/run.screen"; then
		shown=yes
		break
	fi
	grep -q 'fuhua-exited-' "$work/run.screen" && break
	sleep 0.5
	i=$((i + 1))
done
secs=$(($(date +%s) - start))
[ $shown = yes ] || { cat "$work/run.screen" >&2; die "make run: no login screen after $secs s"; }
tmux -L fuhua-fresh send-keys -t run C-d
i=0
until grep -q 'fuhua-exited-0' "$work/run.screen" || [ $i -ge 100 ]; do
	sleep 0.1
	tmux -L fuhua-fresh capture-pane -p -t run > "$work/run.screen" 2> /dev/null || true
	i=$((i + 1))
done
grep -q 'fuhua-exited-0' "$work/run.screen" || { cat "$work/run.screen" >&2; die "make run: Ctrl-D on the login screen did not quit"; }
say "make run: the login screen in $secs s, and Ctrl-D quit"
say "the package: make deb, lintian, install, init, upgrade (tests/package.sh)"
in_root "cd fuhua && sh tests/package.sh" > "$work/package.log" 2>&1 || {
	tail -n 15 "$work/package.log" >&2
	die "the package test failed; see $work/package.log"
}
pkg=$(sed -n 's/^package: passed: //p' "$work/package.log")
say "package: $pkg"
say "passed: $summary; make run reached the login screen; the package: $pkg (logs and root in $work)"
