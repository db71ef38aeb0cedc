#!/usr/bin/env python3
"""Crash durability: acknowledged laporan survive SIGKILL, exactly once.

Starts the server, lets several clients submit laporan (each with its own Idempotency-Key,
retrying the same key on connection errors and 5xx until acknowledged), kills the server with
SIGKILL at random moments and restarts it. At the end every laporan acknowledged (201, or 200
for a replay of a key whose first answer was lost) must exist exactly once, nothing else may
exist, the database must pass its integrity check and every audit chain must verify.

    python3 Tests/ketahanan/uji_mogok.py --bin .build/release/sikim --siklus 20
    python3 Tests/ketahanan/uji_mogok.py --bin … --siklus 5 --database-url postgres://…

Exit status 0 only when every check holds. Loopback only.
"""
import argparse
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from urllib.parse import urlparse

SANDI = "adminrahasia123"


def port_bebas():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, biner, data_dir, database_url):
        self.biner, self.data_dir = biner, data_dir
        self.port = port_bebas()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        self.env.update({"SIKIM_DATA_DIR": data_dir, "SIKIM_ADMIN_PASSWORD": SANDI})
        if database_url:
            self.env["DATABASE_URL"] = database_url
        self.log = open(os.path.join(data_dir, "server.log"), "ab")
        self.proses = None

    def mulai(self, batas=120):
        self.proses = subprocess.Popen([self.biner, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                       env=self.env, stdout=self.log, stderr=subprocess.STDOUT, cwd=self.data_dir)
        akhir = time.monotonic() + batas
        while time.monotonic() < akhir:
            if self.proses.poll() is not None:
                raise SystemExit(f"server berhenti saat mulai (kode {self.proses.returncode}); lihat {self.log.name}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return time.monotonic() - (akhir - batas)
            except OSError:
                pass
            time.sleep(0.05)  # polling interval
        raise SystemExit("server tidak siap")

    def bunuh(self):
        self.proses.send_signal(signal.SIGKILL)
        self.proses.wait()

    def berhenti(self):
        if self.proses and self.proses.poll() is None:
            self.proses.terminate()
            self.proses.wait(timeout=30)


def panggil(url, data=None, token=None, headers=None, timeout=10):
    body = json.dumps(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, method="POST" if body is not None else "GET")
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


class Klien(threading.Thread):
    """Submits laporan one after another; a key is retried until the server acknowledges it."""

    def __init__(self, nomor, server, token, berhenti):
        super().__init__(daemon=True)
        self.nomor, self.server, self.token, self.berhenti = nomor, server, token, berhenti
        self.diakui = {}  # key -> laporan id
        self.ulang = 0
        self.diputar_ulang = 0  # 200: the first attempt was stored but its answer was lost
        self.salah = []

    def run(self):
        while not self.berhenti.is_set():
            kunci = str(uuid.uuid4())
            laporan = {"kategori": "lingkungan", "judul": f"Uji ketahanan {self.nomor}", "isi": f"Kunci {kunci}",
                       "kode_wilayah": "36.04.05.2001"}
            while True:
                try:
                    status, body = panggil(self.server.url + "/api/v1/laporan", laporan, self.token,
                                           {"Idempotency-Key": kunci})
                except (OSError, ValueError):
                    self.ulang += 1
                    time.sleep(0.05)  # server down: retry the same key
                    continue
                if status in (201, 200):
                    self.diputar_ulang += status == 200
                    self.diakui[kunci] = body["id"]
                    break
                if status >= 500:
                    self.ulang += 1
                    continue
                self.salah.append((status, body))
                return


def hitung(database_url, data_dir, sql):
    if database_url:
        u = urlparse(database_url)
        out = subprocess.run(["psql", "-At", "-h", u.hostname, "-p", str(u.port), "-U", u.username,
                              "-d", u.path.lstrip("/"), "-c", sql],
                             env={**os.environ, "PGPASSWORD": u.password}, capture_output=True, text=True, check=True)
        return [baris.split("|") for baris in out.stdout.strip().splitlines()]
    db = sqlite3.connect(os.path.join(data_dir, "sikim.sqlite"))
    try:
        return [[str(x) for x in b] for b in db.execute(sql).fetchall()]
    finally:
        db.close()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bin", default=".build/release/sikim")
    p.add_argument("--siklus", type=int, default=20)
    p.add_argument("--klien", type=int, default=4)
    p.add_argument("--database-url")
    p.add_argument("--benih", type=int, default=int(time.time()))
    a = p.parse_args()
    acak = random.Random(a.benih)
    jenis = "PostgreSQL" if a.database_url else "SQLite"
    print(f"Uji mogok: {a.siklus} siklus SIGKILL, {a.klien} klien, {jenis}, benih {a.benih}")

    data_dir = tempfile.mkdtemp(prefix="sikim-mogok-")
    server = Server(os.path.abspath(a.bin), data_dir, a.database_url)
    server.mulai()
    status, t = panggil(server.url + "/api/v1/token", {"username": "admin", "password": SANDI})
    assert status == 201, t
    berhenti = threading.Event()
    klien = [Klien(i, server, t["token"], berhenti) for i in range(a.klien)]
    for k in klien:
        k.start()

    mulai_ulang = []
    for i in range(a.siklus):
        time.sleep(acak.uniform(0.2, 1.5))  # a random moment to crash, not a wait for readiness
        sebelum = sum(len(k.diakui) for k in klien)
        server.bunuh()
        mulai_ulang.append(server.mulai())
        print(f"  siklus {i + 1:2}: dibunuh setelah {sebelum} laporan diakui; hidup lagi dalam {mulai_ulang[-1]:.1f} s")
    time.sleep(acak.uniform(0.2, 0.5))
    berhenti.set()
    for k in klien:
        k.join(timeout=120)
    server.berhenti()

    gagal = []
    for k in klien:
        if k.salah:
            gagal.append(f"klien {k.nomor} ditolak: {k.salah[:2]}")
    diakui = {kunci: id_ for k in klien for kunci, id_ in k.diakui.items()}
    per_kunci = {kunci: int(n) for kunci, n in hitung(
        a.database_url, data_dir, "SELECT kunci_idempotensi, COUNT(*) FROM laporan GROUP BY kunci_idempotensi")}
    hilang = [k for k in diakui if per_kunci.get(k, 0) == 0]
    ganda = [k for k, n in per_kunci.items() if n > 1]
    asing = [k for k in per_kunci if k not in diakui]
    if hilang:
        gagal.append(f"{len(hilang)} laporan diakui tetapi hilang: {hilang[:3]}")
    if ganda:
        gagal.append(f"{len(ganda)} kunci tersimpan lebih dari sekali: {ganda[:3]}")
    if asing:
        gagal.append(f"{len(asing)} laporan tersimpan tanpa pernah diakui: {asing[:3]}")
    if not a.database_url:
        utuh = hitung(None, data_dir, "PRAGMA integrity_check")
        if utuh != [["ok"]]:
            gagal.append(f"integrity_check: {utuh[:3]}")
    audit = subprocess.run([server.biner, "audit", "verify"], env=server.env, capture_output=True, text=True, cwd=data_dir)
    if audit.returncode != 0:
        gagal.append("jejak audit: " + (audit.stdout + audit.stderr).strip()[-300:])

    print(f"Diakui: {len(diakui)} laporan, tersimpan: {sum(per_kunci.values())}, percobaan ulang klien: "
          f"{sum(k.ulang for k in klien)} (jawaban ulangan 200: {sum(k.diputar_ulang for k in klien)}), mulai ulang terlama: {max(mulai_ulang):.1f} s")
    print(audit.stdout.strip())
    if gagal:
        print("GAGAL:\n  " + "\n  ".join(gagal))
        print(f"Data dan log server disimpan di {data_dir}")
        return 1
    if len(diakui) < a.siklus:
        print("GAGAL: terlalu sedikit laporan untuk menguji apa pun")
        return 1
    print("Lulus: setiap laporan yang diakui ada tepat satu kali; basis data utuh.")
    subprocess.run(["rm", "-rf", data_dir])
    return 0


if __name__ == "__main__":
    sys.exit(main())
