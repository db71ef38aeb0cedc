import Foundation
import Leaf
import Vapor

/// The public files (CSS) and their version: one hash of their contents, taken at start.
/// Pages link them as `/css/sikim.css?v=…` (the `#aset` tag), so a browser on a slow line keeps
/// them for a year and fetches them anew only after an upgrade changed them.
struct Aset: Sendable {
    let versi: String
    /// Paths under the public directory, without the leading slash.
    let berkas: Set<String>

    init(direktori: String) {
        let fm = FileManager.default
        let daftar = (fm.enumerator(atPath: direktori)?.allObjects as? [String] ?? [])
            .filter { var d: ObjCBool = false; return fm.fileExists(atPath: direktori + $0, isDirectory: &d) && !d.boolValue }.sorted()
        var isi = Data()
        for b in daftar { isi += Data(b.utf8) + (fm.contents(atPath: direktori + b) ?? Data()) }
        (versi, berkas) = (String(Sidik.sha256(isi).prefix(12)), Set(daftar))
    }

    func tautan(_ berkas: String) -> String { "/\(berkas)?v=\(versi)" }
}

/// `#aset("css/sikim.css")`: the file's versioned link.
struct TagAset: LeafTag {
    let aset: Aset

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let berkas = ctx.parameters.first?.string, aset.berkas.contains(berkas) else {
            throw Abort(.internalServerError, reason: "#aset: berkas publik tidak dikenal")
        }
        return .string(aset.tautan(berkas))
    }
}
