import Foundation
import Hummingbird

/// `/api/v1/openapi.json`: the OpenAPI 3.1 description of the JSON API, shipped as a resource.
struct OpenAPIController {
    static let document: Data = {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Public/openapi.json")
        return (try? Data(contentsOf: url)) ?? Data("{}".utf8)
    }()

    func register(on router: Router<AppRequestContext>) {
        router.get(.api(.openAPI)) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: Self.document)))
        }
    }
}
