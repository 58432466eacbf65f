"""No network: the suite's guard really blocks internet sockets, and sprintkit itself never
opens one (checked with an audit hook in a real process running the commands that read,
compute and write documents)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap

import pytest
from robust_support import copy_report_sprint


@pytest.mark.parametrize("family, address", [(socket.AF_INET, ("127.0.0.1", 9)),
                                             (socket.AF_INET, ("192.0.2.1", 80)),
                                             (socket.AF_INET6, ("::1", 9))])
def test_the_guard_refuses_internet_sockets(family, address):
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        with pytest.raises(AssertionError, match="tried to reach the network"):
            sock.connect(address)


def test_the_guard_refuses_connections_made_the_usual_way():
    import traceback

    with pytest.raises(AssertionError, match="tried to reach the network") as caught:
        socket.create_connection(("localhost", 80), timeout=1)
    for frame, _ in traceback.walk_tb(caught.tb):  # close the socket it left open
        sock = frame.f_locals.get("sock")
        if isinstance(sock, socket.socket):
            sock.close()


def test_local_unix_sockets_still_work(tmp_path):
    path = str(tmp_path / "s.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen(1)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(path)
            peer, _ = server.accept()
            with peer:
                client.sendall(b"ok")
                assert peer.recv(2) == b"ok"


AUDIT = textwrap.dedent("""
    import json, sys
    events = []
    def hook(event, args):
        if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
                     "urllib.Request", "http.client.connect", "socket.sendto"):
            events.append([event, repr(args)[:200]])
    sys.addaudithook(hook)
    from typer.testing import CliRunner
    from sprintkit.cli import app
    codes = []
    for argv in json.loads(sys.argv[1]):
        res = CliRunner().invoke(app, argv, prog_name="sprintkit")
        codes.append([argv[0], res.exit_code, res.output[-300:]])
    print(json.dumps({"events": events, "codes": codes}))
""")


def test_sprintkit_opens_no_socket_while_it_works(tmp_path):
    sprint = copy_report_sprint(tmp_path / "s")
    regio = tmp_path / "regio"
    runs = [
        ["validate", str(sprint)],
        ["verdict", "-s", str(sprint)],
        ["report", "-s", str(sprint), "--out", str(tmp_path / "r.docx")],
        ["report", "-s", str(sprint), "--format", "html", "--out", str(tmp_path / "r.html")],
        ["plan", "-s", str(sprint), "--format", "md", "--out", str(tmp_path / "p.md")],
        ["new", "story-cycle", str(regio), "--title", "V", "--org", "R", "--no-input"],
        ["stories", "sample", "-s", str(regio), "--count", "300", "--out",
         str(tmp_path / "st.csv")],
        ["stories", "import", str(tmp_path / "st.csv"), "-s", str(regio)],
        ["stories", "summary", "-s", str(regio)],
        ["stories", "dashboard", "-s", str(regio), "--out", str(tmp_path / "d.html")],
    ]
    proc = subprocess.run([sys.executable, "-c", AUDIT, json.dumps(runs)], capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert [code for _, code, _ in result["codes"]] == [0] * len(runs), result["codes"]
    # the audit hook saw everything the process did; a UNIX socket would be harmless, but
    # nothing at all is opened
    assert result["events"] == []
