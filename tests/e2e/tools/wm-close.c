/*
 * Asks the windows of one process to close, as a window manager's close
 * button does: a WM_DELETE_WINDOW client message to each top-level window
 * whose _NET_WM_PID is the given pid. (xdotool 3.2016 cannot send it, and
 * Xvfb runs no window manager that would.) Prints how many windows it asked.
 *
 *   cc -o wm-close wm-close.c -lX11 && ./wm-close PID
 */
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <stdio.h>
#include <stdlib.h>

static Atom net_wm_pid, wm_protocols, wm_delete;

static unsigned long pid_of(Display *d, Window w) {
    Atom type;
    int format;
    unsigned long n, after;
    unsigned char *data = NULL;
    unsigned long pid = 0;
    if (XGetWindowProperty(d, w, net_wm_pid, 0, 1, False, XA_CARDINAL, &type, &format, &n, &after, &data) == Success && data) {
        if (n == 1 && format == 32)
            pid = *(unsigned long *)data;
        XFree(data);
    }
    return pid;
}

static int visit(Display *d, Window w, unsigned long pid) {
    int asked = 0;
    if (pid_of(d, w) == pid) {
        XEvent e = {0};
        e.xclient.type = ClientMessage;
        e.xclient.window = w;
        e.xclient.message_type = wm_protocols;
        e.xclient.format = 32;
        e.xclient.data.l[0] = (long)wm_delete;
        e.xclient.data.l[1] = CurrentTime;
        XSendEvent(d, w, False, NoEventMask, &e);
        asked++;
    }
    Window root, parent, *children = NULL;
    unsigned int count = 0;
    if (XQueryTree(d, w, &root, &parent, &children, &count)) {
        for (unsigned int i = 0; i < count; i++)
            asked += visit(d, children[i], pid);
        if (children)
            XFree(children);
    }
    return asked;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: wm-close PID\n");
        return 2;
    }
    Display *d = XOpenDisplay(NULL);
    if (!d) {
        fprintf(stderr, "wm-close: cannot open display\n");
        return 2;
    }
    net_wm_pid = XInternAtom(d, "_NET_WM_PID", False);
    wm_protocols = XInternAtom(d, "WM_PROTOCOLS", False);
    wm_delete = XInternAtom(d, "WM_DELETE_WINDOW", False);
    int asked = visit(d, DefaultRootWindow(d), strtoul(argv[1], NULL, 10));
    XFlush(d);
    XCloseDisplay(d);
    printf("%d\n", asked);
    return asked > 0 ? 0 : 1;
}
