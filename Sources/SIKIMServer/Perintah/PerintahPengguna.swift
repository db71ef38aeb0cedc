import ConsoleKitTerminal
import Foundation
import SIKIMCore
import SIKIMData
import Vapor

struct PerintahPengguna: AsyncCommandGroup {
    var help: String { "Mengelola akun pengguna: create, reset-password." }
    var commands: [String: any AnyAsyncCommand] { ["create": BuatPengguna(), "reset-password": SetelUlangKataSandi()] }
}

struct BuatPengguna: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Nama pengguna (huruf kecil, angka, . _ -)") var username: String?
        @Option(name: "password", help: "Kata sandi, minimal 10 karakter") var password: String?
        @Option(name: "role", help: "admin, verifikator, operator_kecamatan, operator_desa, pengurus_kim, opd") var role: String?
        @Option(name: "name", help: "Nama lengkap (bawaan: sama dengan username)") var nama: String?
        @Option(name: "wilayah", help: "Kode kecamatan untuk operator kecamatan, kode desa untuk operator desa") var wilayah: String?
        @Option(name: "opd", help: "Kode OPD untuk petugas OPD") var opd: String?
        @Option(name: "kim", help: "ID KIM untuk pengurus KIM") var kim: String?
    }
    var help: String { "Membuat akun pengguna baru." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let username = s.username, let password = s.password, let role = s.role else {
            throw KesalahanPerintah("--username, --password dan --role wajib diisi.")
        }
        var kim: UUID?
        if let teks = s.kim {
            guard let id = UUID(uuidString: teks) else { throw KesalahanPerintah("--kim harus berupa ID KIM (UUID).") }
            kim = id
        }
        let app = context.application
        _ = try await Persiapan.siapkanBasisData(app)
        do {
            let m = try await LayananAkun(l: app.lingkungan)
                .buat(username: username, nama: s.nama ?? username, kataSandi: password, peran: role,
                      kodeWilayah: s.wilayah, kodeOPD: s.opd, kimID: kim)
            context.console.print("Pengguna \(m.username) (\(Peran(rawValue: m.peran)?.label ?? m.peran)) dibuat.")
        } catch let e as KesalahanIsian {
            throw KesalahanPerintah(e)
        }
    }
}

struct SetelUlangKataSandi: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username") var username: String?
        @Option(name: "password", help: "Kata sandi baru, minimal 10 karakter") var password: String?
    }
    var help: String { "Mengganti kata sandi pengguna dan mengakhiri semua sesi serta tokennya." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        guard let username = s.username, let password = s.password else {
            throw KesalahanPerintah("--username dan --password wajib diisi.")
        }
        let app = context.application
        _ = try await Persiapan.siapkanBasisData(app)
        let m = try await cariPengguna(username, app: app)
        do {
            try await LayananAkun(l: app.lingkungan).setelKataSandi(m, password)
        } catch let e as KesalahanIsian {
            throw KesalahanPerintah(e)
        }
        context.console.print("Kata sandi \(m.username) diganti.")
    }
}
