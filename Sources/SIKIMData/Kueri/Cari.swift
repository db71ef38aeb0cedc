import SQLKit

/// Text search as a plain substring, without case: what the user typed matches itself, `%`, `_`
/// and `\` included (LIKE would read the first two as wildcards).
package enum Cari {
    package static func pola(_ kata: String) -> String {
        var p = "%"
        for c in kata.lowercased() {
            if c == "%" || c == "_" || c == "\\" { p.append("\\") }
            p.append(c)
        }
        return p + "%"
    }

    /// `(LOWER(t.a) LIKE ? ESCAPE '\' OR LOWER(t.b) LIKE ? ESCAPE '\' …)`, the same on both databases.
    package static func memuat(_ kata: String, kolom: [String], tabel: String) -> SQLQueryString {
        let p = pola(kata)
        let syarat: [SQLQueryString] = kolom.map { "LOWER(\(ident: tabel).\(ident: $0)) LIKE \(bind: p) ESCAPE '\\'" }
        return "(" + syarat.joined(separator: " OR ") + ")"
    }
}
