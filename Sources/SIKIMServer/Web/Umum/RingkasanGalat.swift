import LeafKit

/// GOV.UK's error pattern for every form (issue 19): a page that comes back with errors (its
/// context's `kesalahan`, field → message) opens with a summary that links to each field and
/// takes the focus without JavaScript (`autofocus` on a focusable box), and its title begins
/// with "Galat: ". The message also stays next to its field, as each template shows it.
struct TagRingkasanGalat: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        let galat = Self.butir(ctx)
        guard !galat.isEmpty else { return .string("") }
        let daftar = galat.map { ##"<li><a href="#\##($0.bidang.htmlEscaped())">\##($0.pesan.htmlEscaped())</a></li>"## }.joined()
        return .string(#"<div class="ringkasan-galat" role="alert" aria-labelledby="judul-galat" tabindex="-1" autofocus id="ringkasan-galat">"#
            + #"<h2 id="judul-galat">Ada yang perlu diperbaiki</h2><ul>\#(daftar)</ul></div>"#)
    }

    /// The messages by field, in the order of the field names (a dictionary has none).
    static func butir(_ ctx: LeafContext) -> [(bidang: String, pesan: String)] {
        (ctx.parameters.first?.dictionary ?? [:]).compactMap { k, v in v.string.map { (k, $0) } }.sorted { $0.bidang < $1.bidang }
    }
}

/// "Galat: " before the title of a page that came back with errors.
struct TagAwalanGalat: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        .string(TagRingkasanGalat.butir(ctx).isEmpty ? "" : "Galat: ")
    }
}
