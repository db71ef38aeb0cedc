"""API fuzzing with schemathesis against the real server and its own OpenAPI document.

A server on a fresh database is filled with demo data (every region's KIM, some laporan) and
given one account per role. Every generated request is sent once per role and once without a
token: no answer may be 5xx, and every answer must match the document (status code, content
type, body schema, headers). Undocumented methods must get 405 with `Allow`.
"""
import os
import subprocess

import pytest
import requests
from conftest import ServerSIKIM, biner_sikim, json_api, lewati

try:
    import schemathesis
    from hypothesis import HealthCheck, settings
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (content_type_conformance, response_headers_conformance,
                                                   response_schema_conformance, status_code_conformance,
                                                   unsupported_method)
except ImportError:  # pragma: no cover - reported by the fixture below
    schemathesis = None

SANDI_ADMIN = "adminrahasia123"
SANDI_DEMO = "demo-sandi-123"
SANDI = "sandi-fuzz-12345"
CONTOH_PER_OPERASI = int(os.environ.get("SIKIM_FUZZ_CONTOH", "12"))
MINIMUM_PANGGILAN = int(os.environ.get("SIKIM_FUZZ_MINIMUM", "5000"))
PANGGILAN = {"jumlah": 0, "status": {}}


@pytest.fixture(scope="module")
def server_fuzz(tmp_path_factory):
    if schemathesis is None:
        lewati("schemathesis tidak terpasang: uji fuzzing API dilewati")
    data_dir = tmp_path_factory.mktemp("fuzz")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env.update({"SIKIM_DATA_DIR": str(data_dir), "SIKIM_ADMIN_PASSWORD": SANDI_ADMIN})
    hasil = subprocess.run([biner_sikim(), "demo", "--laporan", "400"], env=env, capture_output=True, text=True, timeout=600)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    s = ServerSIKIM(data_dir, env={"SIKIM_ADMIN_PASSWORD": SANDI_ADMIN})
    yield s
    s.berhenti()


def token(url, username, sandi):
    status, body = json_api(url + "/api/v1/token", {"username": username, "password": sandi})
    assert status == 201, body
    return body["token"]


@pytest.fixture(scope="module")
def token_peran(server_fuzz):
    """One bearer token per role, for accounts with an area and objects in it."""
    url = server_fuzz.url
    admin = token(url, "admin", SANDI_ADMIN)
    _, kec = json_api(url + "/api/v1/wilayah?tingkat=kecamatan&limit=1", token=admin)
    kecamatan = kec["data"][0]["kode"]
    _, desa = json_api(url + f"/api/v1/wilayah?induk={kecamatan}&limit=1", token=admin)
    _, opd = json_api(url + "/api/v1/opd?limit=1", token=admin)
    _, kim = json_api(url + f"/api/v1/kim?kode_wilayah={desa['data'][0]['kode']}&limit=1", token=admin)
    akun = {
        "operator_kecamatan": {"kode_wilayah": kecamatan},
        "operator_desa": {"kode_wilayah": desa["data"][0]["kode"]},
        "opd": {"kode_opd": opd["data"][0]["kode"]},
        "pengurus_kim": {"kim_id": kim["data"][0]["id"]},
    }
    hasil = {"admin": admin, "verifikator": token(url, "demo.verifikator", SANDI_DEMO)}
    for peran, penugasan in akun.items():
        status, body = json_api(url + "/api/v1/pengguna", {"username": f"fuzz.{peran}", "nama": f"Fuzz {peran}",
                                                          "kata_sandi": SANDI, "peran": peran, **penugasan}, token=admin)
        assert status == 201, body
        hasil[peran] = token(url, f"fuzz.{peran}", SANDI)
    hasil["publik"] = None
    return hasil


@pytest.fixture(scope="module")
def api_schema(server_fuzz, token_peran):
    return schemathesis.openapi.from_url(server_fuzz.url + "/api/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema") if schemathesis else None
CEK = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
       response_headers_conformance, unsupported_method] if schemathesis else []


def catat(res):
    PANGGILAN["jumlah"] += 1
    PANGGILAN["status"][res.status_code] = PANGGILAN["status"].get(res.status_code, 0) + 1


if schema is not None:
    @schema.parametrize()
    @settings(max_examples=CONTOH_PER_OPERASI, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    def test_api_sesuai_dokumen_untuk_setiap_peran(case, token_peran):
        for peran, t in token_peran.items():
            headers = {"Authorization": f"Bearer {t}"} if t else {}
            res = case.call_and_validate(headers=headers, checks=CEK, timeout=30)
            catat(res)


def test_metode_yang_tidak_didokumentasikan_mendapat_405(server_fuzz, token_peran):
    doc = requests.get(server_fuzz.url + "/api/openapi.json", timeout=10).json()
    semua = {"get", "post", "put", "patch", "delete"}
    diperiksa = 0
    for jalur, ops in doc["paths"].items():
        contoh = jalur
        for nama in ("{kim}", "{laporan}", "{pengurus}", "{materi}", "{id}", "{token}"):
            contoh = contoh.replace(nama, "00000000-0000-4000-8000-000000000000")
        contoh = contoh.replace("{kode}", "36.04")
        for metode in sorted(semua - set(ops)):
            res = requests.request(metode.upper(), server_fuzz.url + contoh, timeout=10,
                                   headers={"Authorization": f"Bearer {token_peran['admin']}"})
            catat(res)
            assert res.status_code == 405, (metode, jalur, res.status_code, res.text[:200])
            izin = {m.strip().lower() for m in res.headers["Allow"].split(",")}
            assert izin - {"head"} == set(ops), (metode, jalur, izin)
            diperiksa += 1
    assert diperiksa > 50


def test_jumlah_panggilan_cukup_dan_tanpa_5xx(server_fuzz):
    """Runs last: the generated calls above reached the minimum, and the server log has no crash."""
    print(f"panggilan: {PANGGILAN['jumlah']}, per status: {dict(sorted(PANGGILAN['status'].items()))}")
    assert PANGGILAN["jumlah"] >= MINIMUM_PANGGILAN
    assert not any(s >= 500 for s in PANGGILAN["status"])
    assert server_fuzz.proses.poll() is None, "server berhenti selama fuzzing"
