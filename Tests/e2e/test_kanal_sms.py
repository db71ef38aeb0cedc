"""Issue 21 through Kannel itself: bearerbox and smsbox on loopback with the fake SMSC, SMS sent
in by `fakesmsc` (kannel-extras) and SIKIM's replies read back from it. A pengurus ties its
number with the code from its account, reports through the guided questions, asks a status and
reports the reach of a materi with `SUDAH 120`; a citizen's message lands in triage."""
import re
import shutil
import subprocess
import time
import urllib.parse
from pathlib import Path

import pytest
from conftest import ServerSIKIM, json_api, kim_aktif, lewati, port_bebas

BEARERBOX, SMSBOX, FAKESMSC = "/usr/sbin/bearerbox", "/usr/sbin/smsbox", "/usr/lib/kannel/test/fakesmsc"
RAHASIA, NOMOR_LAYANAN = "rahasia-sms-uji", "1708"


def tunggu_sampai(syarat, batas=30, apa="kondisi"):
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        hasil = syarat()
        if hasil:
            return hasil
        time.sleep(0.1)  # polling interval
    raise AssertionError(f"{apa} tidak terpenuhi dalam {batas} detik")


class Kannel:
    """bearerbox + smsbox with a fake SMSC; each `kirim` is one fakesmsc connection whose
    output holds the messages SIKIM sends back."""

    def __init__(self, d, url_sikim):
        self.d = d
        self.port = {k: port_bebas() for k in ("admin", "box", "sendsms", "smsc")}
        d.joinpath("kannel.conf").write_text(f"""group = core
admin-port = {self.port['admin']}
admin-interface = 127.0.0.1
admin-password = adminpw
status-password = statuspw
admin-allow-ip = 127.0.0.1
smsbox-port = {self.port['box']}
smsbox-interface = 127.0.0.1
box-allow-ip = 127.0.0.1
log-file = "{d}/bearerbox.log"
log-level = 1

group = smsc
smsc = fake
smsc-id = FAKE
port = {self.port['smsc']}
connect-allow-ip = 127.0.0.1
our-host = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = {self.port['box']}
sendsms-port = {self.port['sendsms']}
sendsms-interface = 127.0.0.1
log-file = "{d}/smsbox.log"
log-level = 1
http-request-retry = 10
http-queue-delay = 1

group = sendsms-user
username = sikim
password = sandisms
default-sender = {NOMOR_LAYANAN}
max-messages = 10
concatenation = true

# Every SMS goes to SIKIM, which answers through sendsms: Kannel replies nothing itself.
group = sms-service
keyword = default
catch-all = true
max-messages = 0
get-url = "{url_sikim}/api/v1/kanal/sms/{RAHASIA}?from=%p&text=%a&id=%I&ts=%T"
""")
        self.proses = []
        self.bb = self._jalankan([BEARERBOX, "-v", "1", "kannel.conf"], "bearerbox.out")
        tunggu_sampai(lambda: self._bisa_sambung(self.port["box"]), apa="bearerbox")
        self.sb = self._jalankan([SMSBOX, "-v", "1", "kannel.conf"], "smsbox.out")
        tunggu_sampai(lambda: "smsbox:" in self._status(), apa="smsbox terdaftar")
        self.fs = None
        self.ke = 0

    def _jalankan(self, perintah, keluaran):
        p = subprocess.Popen(perintah, cwd=self.d, stdout=open(self.d / keluaran, "wb"), stderr=subprocess.STDOUT)
        self.proses.append(p)
        return p

    @staticmethod
    def _bisa_sambung(port):
        import socket
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", port)) == 0

    def _status(self):
        try:
            import urllib.request
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port['admin']}/status.txt?password=statuspw", timeout=2) as r:
                return r.read().decode()
        except OSError:
            return ""

    def kirim(self, dari, teks):
        """A phone sends an SMS; returns the replies that phone gets later (`balasan`)."""
        if self.fs:
            self.fs.terminate()
            self.fs.wait()
        self.ke += 1
        self.keluaran = self.d / f"fakesmsc-{self.ke}.out"
        self.fs = subprocess.Popen([FAKESMSC, "-H", "127.0.0.1", "-r", str(self.port["smsc"]), "-i", "0.1", "-m", "1",
                                    f"{dari} {NOMOR_LAYANAN} text {teks}"], cwd=self.d, stdout=open(self.keluaran, "wb"),
                                   stderr=subprocess.STDOUT)
        self.proses.append(self.fs)

    def balasan(self, n=1, batas=30):
        """The first `n` messages this connection received, a message split into numbered
        parts counted once all its parts are in: (to, text)."""
        def baca():
            teks = self.keluaran.read_text(errors="replace")
            got = re.findall(r"Got message \d+: <(\S+) (\S+) \S+ (.*?)>\s*(?=\n\d{4}-\d\d-\d\d |\Z)", teks, re.S)
            pesan = []
            for _, ke, isi in got:
                bagian = re.match(r"\((\d+)/(\d+)\) ", isi)
                if bagian and bagian.group(1) != "1" and pesan:
                    pesan[-1] = (ke, pesan[-1][1] + " " + isi[bagian.end():], bagian.group(1) == bagian.group(2))
                else:
                    pesan.append((ke, isi[bagian.end():] if bagian else isi, not bagian or bagian.group(2) == "1"))
            lengkap = [(ke, isi) for ke, isi, utuh in pesan if utuh]
            return lengkap if len(lengkap) >= n and len(lengkap) == len(pesan) else None
        return tunggu_sampai(baca, batas, f"{n} balasan SMS")

    def berhenti(self):
        import urllib.request
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{self.port['admin']}/shutdown?password=adminpw", timeout=5).read()
        except OSError:
            pass
        for p in reversed(self.proses):
            if p is not self.bb and p is not self.sb:
                p.terminate()
        for p in self.proses:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


@pytest.fixture
def sms(data_dir):
    if not all(Path(p).exists() for p in (BEARERBOX, SMSBOX, FAKESMSC)):
        lewati("Kannel (kannel, kannel-extras) tidak terpasang: uji SMS dilewati")
    port_sikim = port_bebas()
    kannel_dir = data_dir / "kannel"
    kannel_dir.mkdir()
    k = Kannel(kannel_dir, f"http://127.0.0.1:{port_sikim}")
    server = ServerSIKIM(data_dir, port=port_sikim, env={
        "SIKIM_SMS_TOKEN": RAHASIA, "SIKIM_KANNEL_SENDSMS_URL": f"http://127.0.0.1:{k.port['sendsms']}/cgi-bin/sendsms",
        "SIKIM_KANNEL_USER": "sikim", "SIKIM_KANNEL_PASSWORD": "sandisms", "SIKIM_KANAL_NOMOR": NOMOR_LAYANAN,
        "SIKIM_KANNEL_DLR_URL": f"http://127.0.0.1:{port_sikim}"})
    yield server, k
    k.berhenti()
    server.berhenti()


def test_pengurus_dan_warga_lewat_sms_kannel(sms):
    server, kannel = sms
    url = server.url
    _, t = json_api(url + "/api/v1/token", {"username": "admin", "password": server.sandi_admin_pertama()})
    admin = t["token"]
    kim_aktif(url, admin, "36.04.05.2001", "pengurus")
    _, t = json_api(url + "/api/v1/token", {"username": "pengurus", "password": "sandiuji12345"})
    pengurus = t["token"]
    hp = "6281234567890"

    # The number is tied with the code the account shows, sent from the phone.
    status, nomor = json_api(url + "/api/v1/saya/nomor", {"nomor": "0812-3456-7890"}, token=pengurus)
    assert status == 201, nomor
    kannel.kirim(hp, f"DAFTAR {nomor['kode']}")
    assert "terhubung dengan akun SIKIM" in kannel.balasan()[0][1]

    # The guided report: category by its number, no photo, the desa by name, confirm.
    langkah = [("LAPOR Jembatan bambu di dusun Kaujon putus sejak kemarin sore", "Pilih kategori"),
               (None, "Kirim foto"), ("lanjut", "Ketik nama desa"), ("kramat watu", "Periksa laporan"), ("YA", "tercatat dengan nomor")]
    for teks, harap in langkah:
        if teks is None:
            daftar = kannel.balasan()[0][1]
            teks = re.search(r"(\d+)=Infrastruktur", daftar).group(1)
        kannel.kirim(hp, teks)
        isi = " ".join(b for _, b in kannel.balasan())
        assert harap in isi, (teks, isi)
        assert all(ke == hp for ke, _ in kannel.balasan())
    nomor_laporan = re.search(r"LAP-\d{4}-\d{6}", isi).group(0)
    _, daftar = json_api(url + "/api/v1/laporan", token=admin)
    laporan = [d for d in daftar["data"] if d["nomor"] == nomor_laporan]
    assert len(laporan) == 1 and laporan[0]["kanal"] == "sms" and laporan[0]["kode_wilayah"] == "36.04.05.2001", laporan
    assert laporan[0]["nomor_pengirim"] == "+" + hp, "Diskominfosatik staff see where it came from"

    kannel.kirim(hp, f"status {nomor_laporan}")
    assert kannel.balasan()[0][1].startswith(f"Laporan {nomor_laporan}: Masuk")

    # A citizen: into triage, acknowledged, nothing created.
    kannel.kirim("6285711112222", "Ada pohon tumbang menutup jalan raya Cikande arah pasar")
    assert "akan diperiksa petugas" in kannel.balasan()[0][1]
    _, triase = json_api(url + "/api/v1/pesan-masuk", token=admin)
    assert [(p["nomor_pengirim"], p["teks"]) for p in triase["data"]] == [("+6285711112222", "Ada pohon tumbang menutup jalan raya Cikande arah pasar")]
    status, _ = json_api(url + "/api/v1/pesan-masuk", token=pengurus)
    assert status == 403, "a citizen's number is Diskominfosatik's only"

    # A materi reaches the KIM's phone (the fake SMSC hands every message to the one
    # connection); SUDAH 120 records its reach.
    status, materi = json_api(url + "/api/v1/diseminasi", {
        "judul": "Waspada hoaks bantuan sosial", "ringkasan": "Bansos tidak dipungut biaya", "isi": "Sebarkan ke warga.",
        "jenis": "program_pemerintah", "batas_waktu": "2099-12-31", "sasaran": "semua"}, token=admin)
    assert status == 201, materi
    ke, isi = kannel.balasan(2)[1]
    assert ke == hp and "Waspada hoaks bantuan sosial" in isi and "SUDAH" in isi, isi
    kannel.kirim(hp, "SUDAH 120")
    assert "120 warga tercatat" in kannel.balasan()[0][1]
    _, m = json_api(url + f"/api/v1/diseminasi/{materi['id']}", token=admin)
    assert "120" in str(m), m

    # Every reply left the outbox; Kannel's delivery reports (asked for with each) changed nothing.
    _, keluar = json_api(url + "/api/v1/kanal/kiriman", token=admin)
    assert {k["status"] for k in keluar["data"]} == {"terkirim"}, keluar

    # Numbers are personal data, the path's secret is a secret: neither is in the server's log.
    log = server.keluaran()
    for rahasia in ("5711112222", "1234567890", "0857-1111", "0812-3456", RAHASIA):
        assert rahasia not in log, rahasia
