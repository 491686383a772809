/* fuhua bench — the anchor of resident memory: a bare ncursesw program that
 * opens the terminal as fuhua does in a script (output to /dev/null, TERM
 * and the size from the environment), fills the screen with Chinese text in
 * colour, and writes its /proc/self/status to argv[1]. Links ncursesw alone. */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <locale.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	setlocale(LC_ALL, "");
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *scr = out && in ? newterm(NULL, out, in) : NULL;
	if (!scr)
		return 1;
	start_color();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	static const wchar_t text[] = L"孵化基地 社会组织 双孵化 入驻 出壳 党建 ";
	for (int y = 0; y < LINES; y++) {
		move(y, 0);
		attrset(y % 2 ? COLOR_PAIR(1) : A_NORMAL);
		for (int x = 0; x + 2 <= COLS; x += 2)
			addnwstr(&text[(x / 2 + y) % (int)(sizeof text / sizeof text[0] - 1)], 1);
	}
	refresh();
	FILE *st = fopen("/proc/self/status", "r"), *to = fopen(argv[1], "w");
	char line[256];
	while (st && to && fgets(line, sizeof line, st))
		fputs(line, to);
	if (st)
		fclose(st);
	if (to)
		fclose(to);
	endwin();
	delscreen(scr);
	return 0;
}
