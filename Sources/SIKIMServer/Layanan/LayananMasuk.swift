import Foundation
import SIKIMCore
import SIKIMData

/// Password checks with throttling, shared by the login form, `POST /api/v1/token` and the
/// password change. Each attempt is stored before its password is checked and counts as a
/// failure until it succeeds, so attempts made in parallel see each other: however many arrive
/// at once, at most `PembatasLogin.akun.batas` passwords are checked per window per username
/// and `PembatasLogin.alamat.batas` per address. An attempt refused by the limit is taken
/// back; it is no failure of its own.
struct LayananMasuk {
    let l: Lingkungan
    private var data: RepositoriPengguna { RepositoriPengguna(db: l.db) }

    func masuk(username masukan: String, kataSandi: String, alamatIP: String) async throws -> PenggunaModel {
        let username = String(masukan.trimmingCharacters(in: .whitespaces).lowercased().prefix(64))
        let m = try await data.cari(username: username)
        // An inactive account answers as a wrong password does: a refusal that only a right
        // password earned would tell that the password is right.
        guard try await periksa(kataSandi, akun: m, username: username, alamatIP: alamatIP, sah: { $0.aktif }), let m else {
            throw LoginGagal(sisa: try await sisaPercobaan(username: username))
        }
        l.logger.info("Login berhasil", metadata: ["username": .string(username), "ip": .string(alamatIP)])
        m.terakhirMasuk = l.sekarang
        try await data.simpan(m)
        return m
    }

    /// The signed-in user's current password, as a password change asks for it: throttled
    /// like a login.
    func cocokkanKataSandi(_ kataSandi: String, akun m: PenggunaModel, alamatIP: String) async throws -> Bool {
        try await periksa(kataSandi, akun: m, username: m.username, alamatIP: alamatIP, sah: { _ in true })
    }

    /// Records the attempt, refuses it when the limit is reached, then checks the password
    /// (hashing even for unknown users, so the answer time does not tell which names exist).
    private func periksa(_ kataSandi: String, akun m: PenggunaModel?, username: String, alamatIP: String,
                         sah: (PenggunaModel) -> Bool) async throws -> Bool {
        let sekarang = l.sekarang
        let percobaan = try await data.catatPercobaan(username: username, alamatIP: alamatIP, waktu: sekarang)
        do {
            try await periksaPembatasan(username: username, alamatIP: alamatIP, sekarang: sekarang, kecuali: try percobaan.requireID())
        } catch {
            try await data.hapus(percobaan)
            throw error
        }
        let cocok: Bool
        if let m { cocok = try await l.penyandi.cocok(String(kataSandi.prefix(256)), hash: m.hashKataSandi) && sah(m) }
        else { _ = try await l.penyandi.hash("tidak-ada-pengguna"); cocok = false }
        if cocok {
            try await data.berhasil(percobaan)
        } else {
            l.logger.warning("Login gagal", metadata: ["username": .string(username), "ip": .string(alamatIP)])
        }
        return cocok
    }

    /// Failures (and attempts still being checked) of this username or address, but this one.
    private func periksaPembatasan(username: String, alamatIP: String, sekarang: Date, kecuali id: UUID) async throws {
        let (akun, alamat) = (PembatasLogin.akun, PembatasLogin.alamat)
        let gagal = try await data.kegagalan(username: username, alamatIP: alamatIP,
                                             sejak: sekarang.addingTimeInterval(-max(akun.rentangRiwayat, alamat.rentangRiwayat)), kecuali: id)
        var status = [akun.status(kegagalan: gagal.filter { $0.username == username }.map(\.waktu), sekarang: sekarang)]
        let statusAlamat = alamat.status(kegagalan: gagal.filter { $0.alamatIP == alamatIP }.map(\.waktu), sekarang: sekarang)
        // Read only when the address is locked: the common login pays no extra query.
        if statusAlamat != .boleh,
           try await !data.pernahBerhasil(username: username, alamatIP: alamatIP, sejak: sekarang.addingTimeInterval(-PembatasLogin.ingatAlamat)) {
            status.append(statusAlamat)
        }
        let sampai = status.compactMap { s -> Date? in if case .terkunci(let d) = s { d } else { nil } }.max()
        if let sampai {
            l.logger.warning("Login ditolak karena pembatasan", metadata: ["username": .string(username), "ip": .string(alamatIP)])
            throw Terkunci(sampai: sampai)
        }
    }

    /// Failures this username may still make before it locks.
    private func sisaPercobaan(username: String) async throws -> Int {
        let sekarang = l.sekarang
        let gagal = try await data.kegagalan(username: username, sejak: sekarang.addingTimeInterval(-PembatasLogin.akun.rentangRiwayat))
        return PembatasLogin.akun.sisa(kegagalan: gagal.map(\.waktu), sekarang: sekarang)
    }
}
