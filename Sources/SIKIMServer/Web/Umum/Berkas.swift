import SIKIMCore
import Vapor

extension Request {
    /// Files of a multipart request under `nama[]`; none for JSON. A file input left empty
    /// sends a part with no name and no bytes, which is no file; a named file of no bytes is
    /// refused, not dropped.
    func berkas(_ nama: String) throws -> [FotoMasuk] {
        guard headers.contentType?.type == "multipart" else { return [] }
        return try ((try? content.get([File].self, at: nama)) ?? []).filter { !($0.filename.isEmpty && $0.data.readableBytes == 0) }
            .map { f in
                guard f.data.readableBytes > 0 else {
                    throw KesalahanIsian(nama, "Berkas \(f.filename.prefix(60)) kosong (0 bita). Pilih ulang berkasnya.")
                }
                return FotoMasuk(f)
            }
    }

    /// A stored upload as the answer: public ones (a published laporan's photos) may be cached
    /// a day, the others never; with `unduhSebagai`, as a download under that (ASCII) name.
    func berkasTersimpan(_ jalur: String, tipe: String, publik: Bool, unduhSebagai: String? = nil) async throws -> Response {
        let res = try await fileio.asyncStreamFile(at: jalur)
        res.headers.replaceOrAdd(name: .contentType, value: tipe)
        res.headers.replaceOrAdd(name: .cacheControl, value: publik ? "public, max-age=86400" : "private, no-store")
        if let unduhSebagai {
            let nama = unduhSebagai.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "\\" }.map(String.init).joined()
            res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(nama.isEmpty ? String(jalur.split(separator: "/").last ?? "berkas") : nama)\"")
        }
        return res
    }
}

extension Request {
    /// A generated file as a download that no cache keeps.
    func unduhan(_ data: Data, tipe: String, nama: String) -> Response {
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.replaceOrAdd(name: .contentType, value: tipe)
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(nama)\"")
        res.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return res
    }
}

extension FotoMasuk {
    init(_ f: File) { self.init(nama: f.filename, bytes: Array(f.data.readableBytesView)) }
}

extension BerkasTertunda {
    /// The uploads kept for this request's session (a signed-in form's).
    init(_ req: Request) {
        self.init(direktoriData: req.application.sikim.direktoriData, sesi: req.session.id?.string ?? UUID().uuidString)
    }

    /// The key the form carried back (`tertunda`); nil, and the files gone, when the user ticked
    /// "Buang lampiran yang sudah terlampir" (`buang_tertunda`).
    func kunciDari(_ req: Request) -> String? {
        let kunci = try? req.content.get(String.self, at: "tertunda")
        guard (try? req.content.get(String.self, at: "buang_tertunda")) == "ya" else { return kunci }
        hapus(kunci)
        return nil
    }

    /// Keeps the files of a refused form for its next try, unless they were themselves refused
    /// (`bidang`): sent again, they would be refused again.
    func setelahDitolak(_ e: KesalahanIsian, bidang: String, kunci: String?) -> String? {
        guard e.pesan(untuk: bidang) != nil else { return kunci }
        hapus(kunci)
        return nil
    }
}

extension Request {
    /// The client's key for a submission: `Idempotency-Key` from an API client (the phone's
    /// outbox), or the form's hidden `kunci`; a retry with it stores nothing twice.
    var kunciIdempotensi: String? {
        headers.first(name: "Idempotency-Key") ?? (try? content.get(String.self, at: "kunci"))
    }
}
