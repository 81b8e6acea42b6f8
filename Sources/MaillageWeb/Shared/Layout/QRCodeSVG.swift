import MaillageCore

/// A QR code drawn by the server as SVG: one path of unit squares on a white square with the standard's quiet zone
/// of four modules, scaled by CSS; titled for screen readers.
enum QRCodeSVG {
    static func render(_ code: QRCode, title: String) -> String {
        let side = code.size + 8
        var path = ""
        for (row, modules) in code.modules.enumerated() {
            for (column, dark) in modules.enumerated() where dark { path += "M\(column + 4) \(row + 4)h1v1h-1z" }
        }
        return
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" class=\"qr\" role=\"img\" aria-label=\"\(HTMLEscaping.escape(title))\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
    }
}
