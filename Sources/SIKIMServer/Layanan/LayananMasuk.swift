import SIKIMData
import Fluent
import Foundation
import SIKIMCore
import Vapor

/// Password checks with throttling, shared by the login form, `POST /api/v1/token` and the
/// password change. Each attempt is stored before its password is checked and counts as a
/// failure until it succeeds, so attempts made in parallel see each other: however many arrive
/// at once, at most `PembatasLogin.batas` passwords are checked per window per username and
/// per address. An attempt refused by the limit is taken back; it is no failure of its own.
struct LayananMasuk {
    let db: any Database
    let penyandi: Penyandi
    let jam: Jam
    let logger: Logger
    let pembatas = PembatasLogin()

    func masuk(username masukan: String, kataSandi: String, alamatIP: String) async throws -> PenggunaModel {
        let username = String(masukan.trimmingCharacters(in: .whitespaces).lowercased().prefix(64))
        let m = try await PenggunaModel.query(on: db).filter(\.$username == username).first()
        // An inactive account answers as a wrong password does: a refusal that only a right
        // password earned would tell that the password is right.
        guard try await periksa(kataSandi, akun: m, username: username, alamatIP: alamatIP, sah: { $0.aktif }), let m else {
            throw KesalahanHTTP.loginGagal
        }
        logger.info("Login berhasil", metadata: ["username": .string(username), "ip": .string(alamatIP)])
        m.terakhirMasuk = jam.sekarang()
        try await m.update(on: db)
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
        let sekarang = jam.sekarang()
        let percobaan = PercobaanLoginModel(username: username, alamatIP: alamatIP, berhasil: false, waktu: sekarang)
        try await percobaan.create(on: db)
        do {
            try await periksaPembatasan(username: username, alamatIP: alamatIP, sekarang: sekarang, kecuali: try percobaan.requireID())
        } catch {
            try await percobaan.delete(on: db)
            throw error
        }
        let cocok: Bool
        if let m { cocok = try await penyandi.cocok(String(kataSandi.prefix(256)), hash: m.hashKataSandi) && sah(m) }
        else { _ = try await penyandi.hash("tidak-ada-pengguna"); cocok = false }
        if cocok {
            percobaan.berhasil = true
            try await percobaan.update(on: db)
        } else {
            logger.warning("Login gagal", metadata: ["username": .string(username), "ip": .string(alamatIP)])
        }
        return cocok
    }

    /// Failures (and attempts still being checked) of this username or address, but this one.
    private func periksaPembatasan(username: String, alamatIP: String, sekarang: Date, kecuali id: UUID) async throws {
        let sejak = sekarang.addingTimeInterval(-pembatas.rentangRiwayat)
        let gagal = try await PercobaanLoginModel.query(on: db)
            .filter(\.$berhasil == false)
            .filter(\.$waktu >= sejak)
            .filter(\.$id != id)
            .group(.or) { $0.filter(\.$username == username).filter(\.$alamatIP == alamatIP) }
            .all()
        let status = [
            pembatas.status(kegagalan: gagal.filter { $0.username == username }.map(\.waktu), sekarang: sekarang),
            pembatas.status(kegagalan: gagal.filter { $0.alamatIP == alamatIP }.map(\.waktu), sekarang: sekarang),
        ]
        let sampai = status.compactMap { s -> Date? in if case .terkunci(let d) = s { d } else { nil } }.max()
        if let sampai {
            logger.warning("Login ditolak karena pembatasan", metadata: ["username": .string(username), "ip": .string(alamatIP)])
            throw KesalahanHTTP.terkunci(sampai: sampai)
        }
    }
}

extension Request {
    var layananMasuk: LayananMasuk {
        LayananMasuk(db: db, penyandi: application.penyandi, jam: application.jam, logger: logger)
    }

    var layananAkun: LayananAkun {
        LayananAkun(db: db, penyandi: application.penyandi, jam: application.jam)
    }

    var alamatIP: String { remoteAddress?.ipAddress ?? "tidak-diketahui" }
}
