// Signs one document with undersign (the library rahvaalgatus signs with) for each signer of a
// job, getting the time-stamps and OCSP responses from the given URLs, and writes one ASiC-E in
// rahvaalgatus' layout: mimetype, the document, META-INF/signatures-1.xml ... -N.xml, manifest.
//
//   node sign.js JOB.json
//
// JOB.json: {
//   "tsaUrl": "http://127.0.0.1:PORT/tsa", "ocspUrl": "http://127.0.0.1:PORT/ocsp",
//   "issuers": ["-----BEGIN CERTIFICATE-----...", ...],
//   "document": {"path": "initiative.html", "type": "text/html", "file": "/abs/signed-bytes"},
//   "containerFile": "/abs/bytes-put-in-the-container" (optional; default document.file),
//   "signers": [{"certificate": "/abs/cert.pem", "key": "/abs/key.pem"}, ...],
//   "concurrency": 8,
//   "out": "/abs/out.asice"
// }
"use strict"
var Fs = require("fs")
var Crypto = require("crypto")
var Hades = require("undersign")
var Asic = require("undersign/lib/asic")
var Certificate = require("undersign/lib/certificate")
var Certificates = require("undersign/lib/certificates")

async function main(jobFile) {
	var job = JSON.parse(Fs.readFileSync(jobFile, "utf8"))
	var issuers = new Certificates(job.issuers.map((pem) => Certificate.parse(pem)))
	var hades = new Hades({
		certificates: issuers,
		timestampUrl: job.tsaUrl,
		ocspUrl: job.ocspUrl
	})

	var signed = Fs.readFileSync(job.document.file)
	var file = {
		path: job.document.path,
		type: job.document.type,
		hash: Crypto.createHash("sha256").update(signed).digest()
	}

	var signatures = new Array(job.signers.length)
	var next = 0
	async function worker() {
		while (next < job.signers.length) {
			var i = next++
			signatures[i] = await sign(hades, file, job.signers[i])
		}
	}
	var workers = []
	for (var w = 0; w < (job.concurrency || 1); ++w) workers.push(worker())
	await Promise.all(workers)

	var asic = new Asic
	var out = Fs.createWriteStream(job.out)
	var finished = new Promise((resolve, reject) => {
		out.on("finish", resolve)
		out.on("error", reject)
	})
	asic.pipe(out)
	asic.add(job.document.path, Fs.readFileSync(job.containerFile || job.document.file), job.document.type)
	signatures.forEach((xades) => asic.addSignature(xades))
	asic.end()
	await finished
}

async function sign(hades, file, signer) {
	var certificate = Certificate.parse(Fs.readFileSync(signer.certificate))
	var key = Crypto.createPrivateKey(Fs.readFileSync(signer.key))
	var xades = hades.new(certificate, [file])
	// undersign signs SignedInfo with SHA-256 for every key type (rsa-sha256, ecdsa-sha256);
	// XML Signature wants ECDSA as r || s.
	xades.setSignature(Crypto.sign("sha256", Buffer.from(xades.signable), {key: key, dsaEncoding: "ieee-p1363"}))
	// As rahvaalgatus does: the time-stamp first, then the OCSP response.
	xades.setTimestamp(await hades.timestamp(xades))
	xades.setOcspResponse(await hades.ocsp(certificate))
	return xades
}

main(process.argv[2]).catch(function(err) {
	console.error(err && err.stack || String(err))
	process.exit(1)
})
