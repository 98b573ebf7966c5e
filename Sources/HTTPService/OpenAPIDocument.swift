// OpenAPIDocument: the committed OpenAPI 3.1 description of API.md, served at /openapi.yaml.

/// Kept in the source (not a resource file) so the binary serves it wherever it runs. OpenAPITests checks that
/// its paths and methods are exactly the router's, both ways; edit both together.
enum OpenAPIDocument {
    static let yaml = #"""
openapi: 3.1.0
info:
  title: AmeliDocs
  version: "1.0.0"
  description: |
    Téléservices CEAM (carte européenne d'assurance maladie) et procuration en ligne.
    Erreurs : application/problem+json avec `code` = identifiant de règle de DOMAIN.md (409, ou 422 pour une
    saisie jamais valable) ou l'un des codes fixes. Un identifiant d'un autre foyer répond 404 comme un absent.
    POST : l'en-tête `Idempotency-Key` (1 à 255 caractères ASCII visibles) rejoue la première réponse
    (statut et corps, en-tête `Idempotent-Replayed: true`) sans second effet ; la même clé avec un autre corps
    ou un autre chemin répond 422 `conflict`. Seules les réponses acceptées sont mémorisées : une demande
    refusée n'a pas eu d'effet et sera de nouveau évaluée.
    Aucun courriel n'est envoyé : les avis de dépôt sont enregistrés pour le système de messagerie.
servers:
  - url: http://127.0.0.1:8080
security:
  - bearer: []
tags:
  - name: cards
  - name: documents
  - name: proxy
  - name: admin
  - name: operations
paths:
  /health:
    get:
      tags: [operations]
      summary: Liveness, with a database check
      security: []
      responses:
        "200": { description: The service and its database answer, content: { application/json: { schema: { type: object } } } }
        "503": { $ref: "#/components/responses/Problem" }
  /metrics:
    get:
      tags: [operations]
      summary: Prometheus text exposition (requests by route and status, latency, documents rendered, render time)
      security: []
      responses:
        "200": { description: Metrics, content: { text/plain: { schema: { type: string } } } }
  /openapi.yaml:
    get:
      tags: [operations]
      summary: This document
      security: []
      responses:
        "200": { description: OpenAPI 3.1, content: { application/yaml: { schema: { type: string } } } }
  /v1/beneficiaries:
    get:
      tags: [cards]
      summary: The household, each beneficiary with card, open order and available actions (R_ACTIONS)
      responses:
        "200":
          description: Beneficiaries
          content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Beneficiary" } } } }
        "401": { $ref: "#/components/responses/Problem" }
        "404": { $ref: "#/components/responses/Problem" }
  /v1/beneficiaries/{id}/card-orders:
    post:
      tags: [cards]
      summary: Order a card or renew early; the kind follows from the card's state (R_ORDER, R_RENEW_WINDOW, R_DEPARTURE, R_CERTIFICATE)
      parameters: [{ $ref: "#/components/parameters/id" }, { $ref: "#/components/parameters/idempotencyKey" }]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              required: [departureWithin15Days]
              properties: { departureWithin15Days: { type: boolean } }
      responses:
        "201":
          description: Order accepted
          content:
            application/json:
              schema:
                type: object
                required: [order, acknowledgement]
                properties:
                  order: { $ref: "#/components/schemas/Order" }
                  certificate: { $ref: "#/components/schemas/Certificate" }
                  acknowledgement: { $ref: "#/components/schemas/AcknowledgementRef" }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Problem" }
        "404": { $ref: "#/components/responses/Problem" }
        "409": { $ref: "#/components/responses/Problem" }
        "413": { $ref: "#/components/responses/Problem" }
        "422": { $ref: "#/components/responses/Problem" }
  /v1/beneficiaries/{id}/loss-declarations:
    post:
      tags: [cards]
      summary: Declare a loss or theft; the card is cancelled at once (R_LOSS, R_LOSS_LIMIT)
      parameters: [{ $ref: "#/components/parameters/id" }, { $ref: "#/components/parameters/idempotencyKey" }]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              required: [kind, date, sworn]
              properties:
                kind: { type: string, enum: [loss, theft] }
                date: { type: string, format: date }
                sworn: { type: boolean }
      responses:
        "201":
          description: Declaration accepted
          content:
            application/json:
              schema:
                type: object
                properties:
                  declaration: { type: object, properties: { date: { type: string, format: date }, kind: { type: string }, declaredOn: { type: string, format: date } } }
                  card: { $ref: "#/components/schemas/Card" }
                  acknowledgement: { $ref: "#/components/schemas/AcknowledgementRef" }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Problem" }
        "404": { $ref: "#/components/responses/Problem" }
        "409": { $ref: "#/components/responses/Problem" }
        "413": { $ref: "#/components/responses/Problem" }
        "422": { $ref: "#/components/responses/Problem" }
  /v1/beneficiaries/{id}/card.png:
    get:
      tags: [documents]
      summary: The active card as PNG (R_VIEW)
      parameters:
        - { $ref: "#/components/parameters/id" }
        - { name: dpi, in: query, required: false, schema: { type: integer, minimum: 72, maximum: 600, default: 300 } }
        - { name: If-None-Match, in: header, required: false, schema: { type: string } }
      responses:
        "200": { description: The card, headers: { ETag: { schema: { type: string } } }, content: { image/png: { schema: { type: string, format: binary } } } }
        "304": { description: Unchanged since the ETag given }
        "401": { $ref: "#/components/responses/Problem" }
        "404": { $ref: "#/components/responses/Problem" }
        "409": { $ref: "#/components/responses/Problem" }
        "422": { $ref: "#/components/responses/Problem" }
  /v1/beneficiaries/{id}/card.pdf:
    get:
      tags: [documents]
      summary: The active card at true size for printing (R_VIEW)
      parameters: [{ $ref: "#/components/parameters/id" }]
      responses:
        "200": { description: The card, content: { application/pdf: { schema: { type: string, format: binary } } } }
        "304": { description: Unchanged since the ETag given }
        "401": { $ref: "#/components/responses/Problem" }
        "404": { $ref: "#/components/responses/Problem" }
        "409": { $ref: "#/components/responses/Problem" }
  /v1/certificates/{id}.pdf:
    get:
      tags: [documents]
      summary: The provisional replacement certificate, downloadable exactly once (R_CERTIFICATE)
      parameters: [{ $ref: "#/components/parameters/id" }]
      responses:
        "200": { description: The certificate, the first time, content: { application/pdf: { schema: { type: string, format: binary } } } }
        "401": { $ref: "#/components/responses/Problem" }
        "404": { $ref: "#/components/responses/Problem" }
        "410": { $ref: "#/components/responses/Problem" }
  /v1/inbox:
    get:
      tags: [documents]
      summary: Secure inbox, newest first (R_ACK)
      responses:
        "200":
          description: Messages
          content:
            application/json:
              schema:
                type: array
                items:
                  type: object
                  properties:
                    id: { type: string }
                    subject: { type: string }
                    receivedAt: { type: string, format: date-time }
                    attachment: { type: object, properties: { url: { type: string }, filename: { type: string } } }
        "401": { $ref: "#/components/responses/Problem" }
  /v1/inbox/{id}/attachment.pdf:
    get:
      tags: [documents]
      summary: The acknowledgement of receipt (D_ACK)
      parameters: [{ $ref: "#/components/parameters/id" }]
      responses:
        "200": { description: The acknowledgement, content: { application/pdf: { schema: { type: string, format: binary } } } }
        "304": { description: Unchanged since the ETag given }
        "401": { $ref: "#/components/responses/Problem" }
        "404": { $ref: "#/components/responses/Problem" }
  /v1/procedures:
    get:
      tags: [cards]
      summary: Procedure history, newest first (R_HISTORY)
      responses:
        "200":
          description: Procedures
          content:
            application/json:
              schema:
                type: array
                items:
                  type: object
                  properties:
                    id: { type: string }
                    kind: { type: string, enum: [order, renewal, loss-declaration, proxy, proxy-revocation] }
                    beneficiaryId: { type: [string, "null"] }
                    status: { type: string, enum: [in-progress, completed] }
                    submittedAt: { type: string, format: date-time }
                    rating: { type: integer }
        "401": { $ref: "#/components/responses/Problem" }
  /v1/procedures/{id}/rating:
    post:
      tags: [cards]
      summary: Rate a procedure once, 1 to 5 (R_RATING)
      parameters: [{ $ref: "#/components/parameters/id" }, { $ref: "#/components/parameters/idempotencyKey" }]
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, additionalProperties: false, required: [score], properties: { score: { type: integer, minimum: 1, maximum: 5 } } }
      responses:
        "204": { description: Rated }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Problem" }
        "404": { $ref: "#/components/responses/Problem" }
        "409": { $ref: "#/components/responses/Problem" }
        "422": { $ref: "#/components/responses/Problem" }
  /v1/proxy:
    post:
      tags: [proxy]
      summary: Create the online proxy (P_FIELDS, P_ADULT, P_CERTIFY, P_VALIDITY, P_ONE_ACTIVE)
      parameters: [{ $ref: "#/components/parameters/idempotencyKey" }]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              properties:
                civility: { type: string, enum: [M., Mme] }
                lastName: { type: string }
                usageName: { type: string }
                firstName: { type: string }
                birthDate: { type: string, format: date }
                certified: { type: boolean }
      responses:
        "201":
          description: Proxy created
          content:
            application/json:
              schema:
                type: object
                properties:
                  proxy: { $ref: "#/components/schemas/Proxy" }
                  confirmationUrl: { type: string }
                  acknowledgement: { $ref: "#/components/schemas/AcknowledgementRef" }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Problem" }
        "409": { $ref: "#/components/responses/Problem" }
        "422": { $ref: "#/components/responses/Problem" }
    get:
      tags: [proxy]
      summary: The active proxy
      responses:
        "200":
          description: Active proxy
          content: { application/json: { schema: { type: object, properties: { proxy: { $ref: "#/components/schemas/Proxy" }, confirmationUrl: { type: string } } } } }
        "401": { $ref: "#/components/responses/Problem" }
        "404": { $ref: "#/components/responses/Problem" }
    delete:
      tags: [proxy]
      summary: Revoke the active proxy; also 204 when none is active (P_REVOKE)
      responses:
        "204": { description: Revoked, or nothing to revoke }
        "401": { $ref: "#/components/responses/Problem" }
  /v1/proxy/{id}/confirmation.pdf:
    get:
      tags: [proxy]
      summary: The proxy confirmation (D_PROXY, P_SCOPE)
      parameters: [{ $ref: "#/components/parameters/id" }]
      responses:
        "200": { description: The confirmation, content: { application/pdf: { schema: { type: string, format: binary } } } }
        "304": { description: Unchanged since the ETag given }
        "401": { $ref: "#/components/responses/Problem" }
        "404": { $ref: "#/components/responses/Problem" }
  /v1/admin/insured/{nir}:
    put:
      tags: [admin]
      summary: Create (201) or replace (200) one insured with their household (role admin)
      parameters:
        - { name: nir, in: path, required: true, schema: { type: string, minLength: 15, maxLength: 15 } }
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: "#/components/schemas/InsuredRecord" } } }
      responses:
        "200": { description: Replaced, content: { application/json: { schema: { $ref: "#/components/schemas/InsuredRecord" } } } }
        "201": { description: Created, content: { application/json: { schema: { $ref: "#/components/schemas/InsuredRecord" } } } }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Problem" }
        "403": { $ref: "#/components/responses/Problem" }
        "413": { $ref: "#/components/responses/Problem" }
        "422": { $ref: "#/components/responses/Problem" }
  /v1/admin/card-orders/{id}/fulfilment:
    post:
      tags: [admin]
      summary: Card production fulfils an order; the new card becomes active (R_FULFIL, role admin)
      parameters: [{ $ref: "#/components/parameters/id" }, { $ref: "#/components/parameters/idempotencyKey" }]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              properties:
                cardNumber: { type: string, pattern: "^80250[0-9]{15}$" }
                issueDate: { type: string, format: date }
      responses:
        "200": { description: The new active card, content: { application/json: { schema: { $ref: "#/components/schemas/Card" } } } }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Problem" }
        "403": { $ref: "#/components/responses/Problem" }
        "404": { $ref: "#/components/responses/Problem" }
        "409": { $ref: "#/components/responses/Problem" }
        "422": { $ref: "#/components/responses/Problem" }
  /v1/admin/documents/{id}/revocation:
    post:
      tags: [admin]
      summary: Revokes an issued document in the register; its seal then verifies as revoked (SEAL.md, role admin)
      parameters: [{ name: id, in: path, required: true, schema: { type: string, minLength: 1, maxLength: 80 } }]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              required: [reason]
              properties:
                reason: { type: string, minLength: 1, maxLength: 500 }
      responses:
        "204": { description: Revoked (or already revoked) }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Problem" }
        "403": { $ref: "#/components/responses/Problem" }
        "404": { $ref: "#/components/responses/Problem" }
        "413": { $ref: "#/components/responses/Problem" }
        "422": { $ref: "#/components/responses/Problem" }
  /v1/verification-keys:
    get:
      tags: [seal]
      summary: The public keys that verify document seals, current and retired (SEAL.md); no authentication
      security: []
      responses:
        "200":
          description: The key list
          content:
            application/json:
              schema:
                type: object
                required: [keys]
                properties:
                  keys:
                    type: array
                    items:
                      type: object
                      required: [caId, certificateId, algorithm, publicKeyPem, status]
                      properties:
                        caId: { type: string, pattern: "^FR[A-Z0-9]{2}$" }
                        certificateId: { type: string, pattern: "^[A-Z0-9]{4}$" }
                        algorithm: { type: string, enum: [ES256] }
                        publicKeyPem: { type: string }
                        status: { type: string, enum: [current, retired] }
  /v1/verifications:
    post:
      tags: [seal]
      summary: Verifies a seal read from a document, as text or from a PNG scan (SEAL.md); no authentication, rate-limited per client
      security: []
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              required: [seal]
              properties:
                seal: { type: string }
          image/png:
            schema: { type: string, format: binary }
      responses:
        "200":
          description: The signature's check, the register's status, and only what the seal carries
          content:
            application/json:
              schema:
                type: object
                required: [signature, status, document]
                properties:
                  signature: { type: string, enum: [valid, invalid, unknown-key] }
                  status: { type: string, enum: [valid, expired, not-yet-valid, revoked, unknown] }
                  revokedReason: { type: string }
                  document:
                    type: object
                    required: [type, id, issuedOn, fields]
                    properties:
                      type: { type: string, enum: [E1, E2, E3, E4] }
                      id: { type: string }
                      issuedOn: { type: string, format: date }
                      fields: { type: object, additionalProperties: { type: string } }
        "400": { $ref: "#/components/responses/Problem" }
        "413": { $ref: "#/components/responses/Problem" }
        "415": { $ref: "#/components/responses/Problem" }
        "422": { $ref: "#/components/responses/Problem" }
        "429": { $ref: "#/components/responses/Problem" }
components:
  securitySchemes:
    bearer:
      type: http
      scheme: bearer
      bearerFormat: JWT
      description: HS256; sub = NIR (15 characters), exp required; "role":"admin" for /v1/admin.
  parameters:
    id: { name: id, in: path, required: true, schema: { type: string, pattern: "^[A-Za-z0-9_-]{1,64}$" } }
    idempotencyKey: { name: Idempotency-Key, in: header, required: false, schema: { type: string, minLength: 1, maxLength: 255 } }
  responses:
    Problem:
      description: An error (RFC 9457)
      content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } }
  schemas:
    Problem:
      type: object
      required: [status, title, detail, code]
      properties:
        status: { type: integer }
        title: { type: string }
        detail: { type: string, description: French, for the person }
        code:
          type: string
          description: A rule id of DOMAIN.md (R_RENEW_WINDOW, P_ADULT, …) or invalid-json, invalid-field, invalid-nir, unauthorized, forbidden, not-found, gone, conflict, payload-too-large, internal-error, unavailable, invalid-seal, no-seal-found, too-many-requests, unsupported-media-type
        availableFrom: { type: string, format: date }
        requestId: { type: string }
        errors:
          type: array
          items: { type: object, properties: { field: { type: string }, code: { type: string }, detail: { type: string } } }
    Card:
      type: object
      properties:
        number: { type: string }
        issueDate: { type: string, format: date }
        expiryDate: { type: string, format: date }
        status: { type: string, enum: [active, cancelled, expired, replaced] }
    Order:
      type: object
      properties:
        id: { type: string }
        kind: { type: string, enum: [order, renewal] }
        status: { type: string, enum: [in-progress, fulfilled] }
        submittedAt: { type: string, format: date-time }
        expectedDeliveryDays: { type: integer }
    Certificate:
      type: object
      properties:
        id: { type: string }
        validFrom: { type: string, format: date }
        validUntil: { type: string, format: date }
        downloadUrl: { type: string }
    AcknowledgementRef:
      type: object
      properties: { messageId: { type: string } }
    Action:
      type: object
      required: [action, available]
      properties:
        action: { type: string, enum: [order, renew, declare-loss, view] }
        available: { type: boolean }
        blockedBy: { type: string }
        detail: { type: string }
        availableFrom: { type: string, format: date }
    Beneficiary:
      type: object
      properties:
        id: { type: string }
        lastName: { type: string }
        givenNames: { type: string }
        birthDate: { type: string, format: date }
        card: { oneOf: [{ $ref: "#/components/schemas/Card" }, { type: "null" }] }
        openOrder: { oneOf: [{ $ref: "#/components/schemas/Order" }, { type: "null" }] }
        actions: { type: array, items: { $ref: "#/components/schemas/Action" } }
    Proxy:
      type: object
      properties:
        id: { type: string }
        holder:
          type: object
          properties:
            civility: { type: string }
            lastName: { type: string }
            usageName: { type: string }
            firstName: { type: string }
            birthDate: { type: string, format: date }
        createdAt: { type: string, format: date-time }
        validUntil: { type: string, format: date }
    InsuredRecord:
      type: object
      additionalProperties: false
      required: [nir, email, addressStatus, rights, institution, beneficiaries]
      properties:
        nir: { type: string }
        email: { type: string }
        addressStatus: { type: string, enum: [ok, npai] }
        rights: { type: string, enum: [open, insufficient] }
        institution:
          type: object
          additionalProperties: false
          properties: { id: { type: string }, acronym: { type: string }, name: { type: string }, address: { type: string }, phone: { type: string } }
        beneficiaries:
          type: array
          items:
            type: object
            additionalProperties: false
            properties:
              id: { type: string }
              nir: { type: string }
              rank: { type: integer }
              lastName: { type: string }
              givenNames: { type: string }
              birthDate: { type: string, format: date }
              cards: { type: array, items: { type: object } }
              lossDeclarations: { type: array, items: { type: object } }
"""#
}
