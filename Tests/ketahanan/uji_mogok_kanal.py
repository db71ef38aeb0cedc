#!/usr/bin/env python3
"""Crash durability of the chat channels (issue 21): SIGKILL during a burst of inbound SMS.

Citizens' SMS arrive as Kannel's sms-service delivers them (GET with from, text and Kannel's
message id), from several threads at once, while the server is killed with SIGKILL at random
moments and restarted. Replies go out through a stand-in for Kannel's `sendsms` interface that
records every message. At the end:
  - every message answered 200 is stored exactly once, as exactly one triage item;
  - nothing else was stored;
  - every citizen gets its acknowledgement exactly once, and its outbox row says so: a reply
    taken by a sender the moment the process died is settled by Kannel's delivery report
    (retried until SIKIM is back), or sent again when no report ever came.

    python3 Tests/ketahanan/uji_mogok_kanal.py --bin .build/release/sikim --siklus 4
    python3 Tests/ketahanan/uji_mogok_kanal.py --bin … --database-url postgres://…

Exit status 0 only when every check holds. Loopback only.
"""
import argparse
import os
import random
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from uji_mogok import Server, hitung, port_bebas  # noqa: E402

RAHASIA = "rahasia-uji-mogok"


class Sendsms:
    """Kannel's sendsms contract: username and password, `to` and `text`; 202 on acceptance;
    with `dlr-mask` 8, the `dlr-url` called with `%d` = 8 once the SMSC took the message, tried
    again while SIKIM is down (smsbox's `http-request-retry`)."""

    def __init__(self):
        self.terkirim = []
        self.kunci = threading.Lock()
        induk = self

        class H(BaseHTTPRequestHandler):
            def do_GET(self):
                q = {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).items()}
                if (q.get("username"), q.get("password")) != ("sikim", "sandisms"):
                    status, isi = 403, b"Authorization failed for sendsms"
                else:
                    with induk.kunci:
                        induk.terkirim.append((q.get("to"), q.get("text")))
                    status, isi = 202, b"0: Accepted for delivery"
                    if q.get("dlr-mask") == "8" and q.get("dlr-url"):
                        threading.Thread(target=induk.laporkan, args=(q["dlr-url"].replace("%d", "8"),), daemon=True).start()
                self.send_response(status)
                self.send_header("Content-Length", str(len(isi)))
                self.end_headers()
                self.wfile.write(isi)

            def log_message(self, *a):
                pass

        self.port = port_bebas()
        self.dlr_gagal = 0
        self.http = ThreadingHTTPServer(("127.0.0.1", self.port), H)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()


def _laporkan(self, url):
    for _ in range(600):
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        self.dlr_gagal += 1
        time.sleep(0.1)  # SIKIM is down: smsbox retries the report


Sendsms.laporkan = _laporkan


class Pengirim(threading.Thread):
    """Citizens, one number each, each SMS re-sent with the same Kannel id until answered 200."""

    def __init__(self, nomor_awal, jumlah, server):
        super().__init__(daemon=True)
        self.pesan = [(f"62858{nomor_awal + i:08d}", str(uuid.uuid4())) for i in range(jumlah)]
        self.server = server
        self.diakui = []
        self.ulang = 0

    def run(self):
        for dari, id_ in self.pesan:
            q = urllib.parse.urlencode({"from": dari, "text": f"Pohon tumbang menutup jalan, pesan {id_}", "id": id_, "ts": "1"})
            while True:
                try:
                    with urllib.request.urlopen(f"{self.server.url}/api/v1/kanal/sms/{RAHASIA}?{q}", timeout=10) as r:
                        if r.status == 200:
                            self.diakui.append((dari, id_))
                            break
                except OSError:
                    pass
                self.ulang += 1
                time.sleep(0.05)  # the server is down: Kannel would try again


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bin", default=".build/release/sikim")
    p.add_argument("--siklus", type=int, default=4)
    p.add_argument("--pengirim", type=int, default=4)
    p.add_argument("--pesan", type=int, default=60, help="per pengirim")
    p.add_argument("--database-url")
    p.add_argument("--benih", type=int, default=int(time.time()))
    a = p.parse_args()
    acak = random.Random(a.benih)
    print(f"Uji mogok kanal: {a.siklus} SIGKILL, {a.pengirim}×{a.pesan} SMS, "
          f"{'PostgreSQL' if a.database_url else 'SQLite'}, benih {a.benih}")

    sendsms = Sendsms()
    data_dir = tempfile.mkdtemp(prefix="sikim-mogok-kanal-")
    server = Server(os.path.abspath(a.bin), data_dir, a.database_url)
    server.env.update({"SIKIM_SMS_TOKEN": RAHASIA, "SIKIM_KANNEL_SENDSMS_URL": f"http://127.0.0.1:{sendsms.port}/cgi-bin/sendsms",
                       "SIKIM_KANNEL_USER": "sikim", "SIKIM_KANNEL_PASSWORD": "sandisms",
                       # Kannel reports what its SMSC took; a message no report settles goes again after 10 s.
                       "SIKIM_KANNEL_DLR_URL": server.url, "SIKIM_KANAL_TUNGGU_KABAR_DETIK": "10"})
    server.mulai()
    pengirim = [Pengirim(i * 1000, a.pesan, server) for i in range(a.pengirim)]
    for t in pengirim:
        t.start()
    for i in range(a.siklus):
        time.sleep(acak.uniform(0.1, 0.8))  # a random moment to crash, not a wait for readiness
        server.bunuh()
        detik = server.mulai()
        print(f"  siklus {i + 1}: dibunuh setelah {sum(len(t.diakui) for t in pengirim)} SMS diakui; hidup lagi dalam {detik:.1f} s")
    for t in pengirim:
        t.join(timeout=300)

    # Until every message is acted on and every reply has left the outbox.
    akhir = time.monotonic() + 240
    while time.monotonic() < akhir:
        sisa = hitung(a.database_url, data_dir, "SELECT (SELECT COUNT(*) FROM kanal_pesan WHERE status = 'diterima') + "
                      "(SELECT COUNT(*) FROM kanal_kiriman WHERE status IN ('menunggu', 'mengirim', 'tidak_pasti'))")
        if sisa == [["0"]]:
            break
        time.sleep(0.2)  # polling interval
    server.berhenti()

    gagal = []
    diakui = {id_: dari for t in pengirim for dari, id_ in t.diakui}
    if len(diakui) != a.pengirim * a.pesan:
        gagal.append(f"hanya {len(diakui)} dari {a.pengirim * a.pesan} SMS yang diakui")
    tersimpan = Counter(r[0] for r in hitung(a.database_url, data_dir, "SELECT id_luar FROM kanal_pesan"))
    status = Counter(r[0] for r in hitung(a.database_url, data_dir, "SELECT status FROM kanal_pesan"))
    hilang = [i for i in diakui if tersimpan[i] == 0]
    ganda = [i for i, n in tersimpan.items() if n > 1]
    asing = [i for i in tersimpan if i not in diakui]
    if hilang:
        gagal.append(f"{len(hilang)} SMS diakui tetapi hilang: {hilang[:3]}")
    if ganda or asing:
        gagal.append(f"tersimpan ganda {ganda[:3]} atau tanpa diakui {asing[:3]}")
    if status != Counter({"triase": len(diakui)}):
        gagal.append(f"status pesan: {dict(status)} (semua harus triase)")

    # A reply longer than one SMS goes as numbered parts: one message, counted by its first part.
    diterima = Counter(to for to, teks in sendsms.terkirim if not teks.startswith("(") or teks.startswith("(1/"))
    kiriman = {r[0]: r[1] for r in hitung(a.database_url, data_dir, "SELECT penerima, status FROM kanal_kiriman")}
    for dari in set(diakui.values()):
        n, s = diterima[dari], kiriman.get("+" + dari)
        if n != 1:
            gagal.append(f"{dari} menerima balasan {n} kali (kotak keluar: {s})")
        elif s != "terkirim":
            gagal.append(f"{dari}: kotak keluar {s}, padahal terkirim")
    if not a.database_url and hitung(None, data_dir, "PRAGMA integrity_check") != [["ok"]]:
        gagal.append("integrity_check gagal")

    print(f"Diakui: {len(diakui)} SMS, tersimpan {sum(tersimpan.values())}, percobaan ulang {sum(t.ulang for t in pengirim)}; "
          f"balasan terkirim {len(sendsms.terkirim)}, laporan DLR yang harus diulang {sendsms.dlr_gagal}")
    sendsms.http.shutdown()
    if gagal:
        print("GAGAL:\n  " + "\n  ".join(gagal[:20]))
        print(f"Data dan log server disimpan di {data_dir}")
        return 1
    print("Lulus: setiap SMS yang diakui menjadi tepat satu pesan triase; setiap balasan terkirim tepat satu kali.")
    import shutil
    shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
