import ConsoleKitTerminal
import Foundation
import SIKIMCore
import SIKIMData
import Vapor

/// `sikim demo --skala kabupaten|nasional`: fills an empty database with generated data.
struct PerintahDemo: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "skala", help: "kabupaten (356 wilayah, 20.000 laporan) atau nasional (+84.000 desa sintetis, 1.000.000 laporan)") var skala: String?
        @Option(name: "laporan", help: "Jumlah laporan (bawaan sesuai skala)") var laporan: Int?
    }
    var help: String { "Mengisi basis data kosong dengan data demo yang realistis." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let k: Demo.Ukuran
        switch s.skala ?? "kabupaten" {
        case "kabupaten": k = .kabupaten
        case "nasional": k = .nasional
        default: throw KesalahanPerintah("Skala tidak dikenal: \(s.skala ?? ""). Pilih kabupaten atau nasional.")
        }
        let app = context.application
        _ = try await Persiapan.siapkanBasisData(app)
        _ = try await Persiapan.pastikanAdmin(app)
        guard try await RepositoriKim(db: app.db).kosong() else {
            throw KesalahanPerintah("Basis data sudah berisi KIM; data demo hanya untuk basis data kosong.")
        }
        if k.nasional { _ = try await LayananWilayah(l: app.lingkungan).muat(Demo.wilayahNasional()) }
        let ukuran = Demo.Ukuran(laporan: s.laporan ?? k.laporan, kegiatan: s.laporan.map { $0 / 4 } ?? k.kegiatan, materi: k.materi, nasional: k.nasional)
        let pesan = try await Demo(db: app.db, penyandi: app.penyandi, sekarang: app.jam.sekarang()).isi(ukuran)
        context.console.print(pesan)
    }
}
