import MaillageCore

/// A map drawn by the server as SVG: commune boundaries in Lambert-93, places as numbered markers, a legend, and
/// `<title>`/`<desc>` for assistive technologies. Every text is XML-escaped here, as the SVG is inserted verbatim.
struct SVGMap {
    struct Marker {
        var point: Coordinate
        var label: String
        var title: String
        var style: MarkerStyle
    }

    enum MarkerStyle: String {
        case match = "marker-match"
        case partial = "marker-partial"
        case outside = "marker-outside"
        case origin = "marker-origin"
        case structure = "marker-structure"

        var legend: String {
            switch self {
            case .match: "lieu qui convient"
            case .partial: "lieu qui convient en partie"
            case .outside: "lieu d'un territoire voisin"
            case .origin: "point de départ"
            case .structure: "structure (numérotée comme dans la liste)"
            }
        }
    }

    /// A line between two points: a partnership between two structures, drawn with its kind's dash pattern so that
    /// the map reads in black and white; an arrow at its end when it goes one way (orientations sent).
    struct Link {
        var from: Coordinate
        var to: Coordinate
        var cssClass: String
        var title: String
        var directed = false
    }

    var title: String
    var description: String
    var communes: [Commune]
    /// Communes drawn darker (e.g. the commune searched from).
    var highlighted: Set<CommuneCode> = []
    /// A choropleth: a CSS class and a text symbol per commune, with the legend of the classes.
    var fills: [CommuneCode: (cssClass: String, symbol: String)] = [:]
    var fillLegend: [(cssClass: String, symbol: String, label: String)] = []
    var markers: [Marker] = []
    var links: [Link] = []
    /// The legend of the links' classes.
    var linkLegend: [(cssClass: String, label: String)] = []
    /// Communes whose name is written on the map (the focus communes, the largest), over the markers.
    var labelled: [CommuneCode] = []
    var width = 640.0
    var height = 480.0

    func render() -> String {
        // Drawn and named by code, whatever order they were gathered in (often a set's, which changes between
        // processes): the same map is the same bytes, and the same ETag, on every instance.
        let communes = communes.sorted { $0.code < $1.code }
        let points = communes.flatMap { $0.boundary?.polygons.flatMap { $0.rings.first ?? [] } ?? [$0.centroid] } + markers.map(\.point)
        guard let box = BoundingBox(enclosing: points) else { return "" }
        let projected = [
            Coordinate(latitude: box.minLatitude, longitude: box.minLongitude), Coordinate(latitude: box.maxLatitude, longitude: box.maxLongitude),
            Coordinate(latitude: box.minLatitude, longitude: box.maxLongitude), Coordinate(latitude: box.maxLatitude, longitude: box.minLongitude)
        ]
        .map(Lambert93.project)
        let minX = projected.map(\.x).min()!, maxX = projected.map(\.x).max()!
        let minY = projected.map(\.y).min()!, maxY = projected.map(\.y).max()!
        let legendHeight = 28.0 + 18 * Double(fillLegend.count + linkLegend.count)
        let scale = min((width - 20) / max(maxX - minX, 1), (height - legendHeight - 20) / max(maxY - minY, 1))
        func xy(_ c: Coordinate) -> (Double, Double) {
            let p = Lambert93.project(c)
            return (10 + (p.x - minX) * scale, 10 + (maxY - p.y) * scale)
        }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"map-title map-desc\" class=\"map\">"
        svg += "<title id=\"map-title\">\(HTMLEscaping.escape(title))</title><desc id=\"map-desc\">\(HTMLEscaping.escape(description))</desc>"
        svg += "<g class=\"communes\">"
        for commune in communes {
            guard let boundary = commune.boundary else { continue }
            let d = boundary.polygons.flatMap(\.rings).map { ring in
                "M"
                    + ring.map {
                        let (x, y) = xy($0); return "\(Self.n(x)),\(Self.n(y))"
                    }.joined(separator: "L") + "Z"
            }.joined()
            let fill = fills[commune.code]
            let cls = fill.map { "commune \($0.cssClass)" } ?? (highlighted.contains(commune.code) ? "commune commune-highlight" : "commune")
            svg += "<path class=\"\(cls)\" d=\"\(d)\"><title>\(HTMLEscaping.escape(commune.name))</title></path>"
            if let fill {
                let (x, y) = xy(commune.centroid)
                svg +=
                    "<text class=\"symbol\" x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" text-anchor=\"middle\" dominant-baseline=\"central\">"
                    + HTMLEscaping.escape(fill.symbol) + "</text>"
            }
        }
        svg += "</g>"
        if !links.isEmpty {
            if links.contains(where: \.directed) {
                svg +=
                    "<defs><marker id=\"fleche\" viewBox=\"0 0 10 10\" refX=\"21\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">"
                    + "<path class=\"arrow\" d=\"M0,0L10,5L0,10z\"/></marker></defs>"
            }
            svg += "<g class=\"links\">"
            for link in links {
                let (x1, y1) = xy(link.from), (x2, y2) = xy(link.to)
                svg +=
                    "<line class=\"link \(link.cssClass)\" x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\""
                    + (link.directed ? " marker-end=\"url(#fleche)\">" : ">")
                    + "<title>\(HTMLEscaping.escape(link.title))</title></line>"
            }
            svg += "</g>"
        }
        svg += "<g class=\"markers\">"
        for marker in markers {
            let (x, y) = xy(marker.point)
            svg += "<g class=\"\(marker.style.rawValue)\"><title>\(HTMLEscaping.escape(marker.title))</title>"
            svg += "<circle cx=\"\(Self.n(x))\" cy=\"\(Self.n(y))\" r=\"9\"/>"
            svg +=
                "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" text-anchor=\"middle\" dominant-baseline=\"central\">"
                + HTMLEscaping.escape(marker.label) + "</text></g>"
        }
        svg += "</g>"
        let named = communes.filter { labelled.contains($0.code) }
        if !named.isEmpty {
            // A white halo under each name keeps it readable over any fill, in colour or in black and white.
            svg += "<g class=\"labels\" aria-hidden=\"true\">"
            for commune in named {
                let (x, y) = xy(commune.centroid)
                svg += "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y - 14))\" text-anchor=\"middle\">" + HTMLEscaping.escape(commune.name) + "</text>"
            }
            svg += "</g>"
        }
        let styles = Array(Set(markers.map(\.style))).sorted { $0.rawValue < $1.rawValue }
        var legendX = 10.0
        svg += "<g class=\"legend\" transform=\"translate(0 \(Int(height - legendHeight + 6)))\">"
        for style in styles {
            svg += "<g class=\"\(style.rawValue)\"><circle cx=\"\(Self.n(legendX + 7, 0))\" cy=\"8\" r=\"7\"/></g>"
            svg += "<text x=\"\(Self.n(legendX + 18, 0))\" y=\"13\">" + HTMLEscaping.escape(style.legend) + "</text>"
            legendX += 30 + Double(style.legend.count) * 7
        }
        for (row, item) in fillLegend.enumerated() {
            let y = Double(row) * 18 + (styles.isEmpty ? 0 : 18)
            svg += "<rect class=\"\(item.cssClass)\" x=\"10\" y=\"\(Self.n(y + 1, 0))\" width=\"14\" height=\"14\"/>"
            svg += "<text x=\"30\" y=\"\(Self.n(y + 13, 0))\">" + HTMLEscaping.escape("\(item.symbol) \(item.label)") + "</text>"
        }
        for (row, item) in linkLegend.enumerated() {
            let y = Double(row + fillLegend.count) * 18 + (styles.isEmpty ? 0 : 18)
            svg += "<line class=\"link \(item.cssClass)\" x1=\"10\" y1=\"\(Self.n(y + 8, 0))\" x2=\"34\" y2=\"\(Self.n(y + 8, 0))\"/>"
            svg += "<text x=\"40\" y=\"\(Self.n(y + 13, 0))\">" + HTMLEscaping.escape(item.label) + "</text>"
        }
        svg += "</g></svg>"
        return svg
    }

    /// The communes to draw around a home commune: `base` (e.g. the perimeter), the home commune, its neighbours and
    /// the communes of the markers, each once, so that every trip has its context.
    static func context(home: Commune, markers: [Marker], base: [Commune] = [], territory: TerritoryData) -> [Commune] {
        let neighbours = territory.adjacency.neighbours(of: home.code).compactMap { territory.commune($0) }
        let reached = markers.compactMap { territory.commune(containing: $0.point) }
        var seen = Set<CommuneCode>()
        return (base + [home] + neighbours + reached).filter { seen.insert($0.code).inserted }
    }

    /// An SVG coordinate: one decimal by default.
    /// The communes worth naming on a map: `first` (the commune of the page), the focus communes of the workshop, then
    /// the most populous, `count` in all.
    static func names(among communes: [Commune], first: [CommuneCode] = [], count: Int = 7) -> [CommuneCode] {
        let present = Set(communes.map(\.code))
        var chosen = (first + WorkshopMatrix.focusCommunes).filter(present.contains)
        for commune in communes.sorted(by: { ($1.population, $0.code) < ($0.population, $1.code) })
        where chosen.count < count && !chosen.contains(commune.code) {
            chosen.append(commune.code)
        }
        return Array(chosen.prefix(max(count, first.count)))
    }

    private static func n(_ value: Double, _ digits: Int = 1) -> String { FixedPoint.format(value, digits: digits) }
}
