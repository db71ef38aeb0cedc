import Fluent
import Foundation
import SIKIMCore
import Vapor

/// Password login with throttling, shared by the login form and `POST /api/v1/token`.
struct LayananMasuk {
    let db: any Database
    let penyandi: Penyandi
    let jam: Jam
    let logger: Logger
    let pembatas = PembatasLogin()

    func masuk(username masukan: String, kataSandi: String, alamatIP: String) async throws -> PenggunaModel {
        let username = String(masukan.trimmingCharacters(in: .whitespaces).lowercased().prefix(64))
        let sekarang = jam.sekarang()
        try await periksaPembatasan(username: username, alamatIP: alamatIP, sekarang: sekarang)

        let m = try await PenggunaModel.query(on: db).filter(\.$username == username).first()
        // Hash even for unknown users so the answer time does not reveal which names exist.
        let cocok: Bool
        if let m { cocok = try await penyandi.cocok(String(kataSandi.prefix(256)), hash: m.hashKataSandi) }
        else { _ = try await penyandi.hash("tidak-ada-pengguna"); cocok = false }

        try await PercobaanLoginModel(username: username, alamatIP: alamatIP, berhasil: cocok, waktu: sekarang).create(on: db)
        guard let m, cocok else {
            logger.warning("Login gagal", metadata: ["username": .string(username), "ip": .string(alamatIP)])
            throw KesalahanHTTP.loginGagal
        }
        guard m.aktif else {
            logger.warning("Login akun nonaktif", metadata: ["username": .string(username), "ip": .string(alamatIP)])
            throw KesalahanHTTP.akunNonaktif
        }
        logger.info("Login berhasil", metadata: ["username": .string(username), "ip": .string(alamatIP)])
        m.terakhirMasuk = sekarang
        try await m.update(on: db)
        return m
    }

    private func periksaPembatasan(username: String, alamatIP: String, sekarang: Date) async throws {
        let sejak = sekarang.addingTimeInterval(-pembatas.rentangRiwayat)
        let gagal = try await PercobaanLoginModel.query(on: db)
            .filter(\.$berhasil == false)
            .filter(\.$waktu >= sejak)
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
