"""The contract check itself (tests/integration/contract.py): every exchange the integration
suite makes is validated against docs/openapi.yaml by the harness; here real exchanges with a
real server are checked against deliberately wrong copies of the document, to prove each kind
of mismatch is caught (and that the true document passes them)."""
import copy
import unittest

import contract
from api_fixtures import Shop, local_date
from harness import Server


def recorded(server):
    """Wraps the server's contract check so the test sees every exchange (method, target,
    request headers, body, status, response headers, response body) that the harness checks."""
    exchanges = []
    original = server.check_contract

    def record(*exchange):
        exchanges.append(exchange)
        return original(*exchange)

    server.check_contract = record
    return exchanges


class ContractCheckTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server().start()
        cls.shop = Shop(cls.srv, "contractshop")
        cls.document = contract.load_document()
        exchanges = recorded(cls.srv)
        consumer = cls.srv.client()
        start = cls.shop.slots(consumer, local_date("Europe/London", 2), local_date("Europe/London", 8))[0]["start"]
        status, _, cls.created = consumer.post(cls.shop.public_path("/bookings"), cls.shop.booking_body(start))
        assert status == 201, (status, cls.created)
        cls.booking_exchange = exchanges[-1]
        status, _, _ = consumer.get("/api/v1/public/businesses/no-such-shop")
        assert status == 404
        cls.not_found_exchange = exchanges[-1]
        status, _, _ = cls.shop.staff.get(cls.shop.staff_path("/bookings/" + cls.created["booking"]["id"]))
        assert status == 200
        cls.staff_booking_exchange = exchanges[-1]

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def mismatches(self, document, exchange):
        return contract.Contract(document).check(*exchange)

    def test_the_true_document_passes_these_exchanges(self):
        for exchange in (self.booking_exchange, self.not_found_exchange, self.staff_booking_exchange):
            self.assertEqual([], self.mismatches(self.document, exchange))

    def test_a_missing_required_answer_member_is_caught(self):
        wrong = copy.deepcopy(self.document)
        wrong["components"]["schemas"]["Booking"]["required"].append("room")
        found = self.mismatches(wrong, self.booking_exchange)
        self.assertTrue(any("'room' is a required property" in m for m in found), found)

    def test_an_answer_member_of_the_wrong_shape_is_caught(self):
        # What the issue found: staff answers carry serviceId, a document saying `service`
        # objects must fail them.
        wrong = copy.deepcopy(self.document)
        schema = wrong["components"]["schemas"]["StaffBooking"]
        schema["required"].append("service")
        schema["properties"]["serviceId"] = {"type": "object"}
        found = self.mismatches(wrong, self.staff_booking_exchange)
        self.assertTrue(any("'service' is a required property" in m for m in found), found)
        self.assertTrue(any(m.split(": ", 2)[1].startswith("body serviceId") for m in found), found)

    def test_an_undocumented_status_is_caught(self):
        wrong = copy.deepcopy(self.document)
        del wrong["paths"]["/api/v1/public/businesses/{slug}"]["get"]["responses"]["404"]
        found = self.mismatches(wrong, self.not_found_exchange)
        self.assertTrue(any("status not documented" in m for m in found), found)

    def test_an_accepted_request_the_document_calls_invalid_is_caught(self):
        wrong = copy.deepcopy(self.document)
        wrong["components"]["schemas"]["NewBooking"]["required"].append("couponCode")
        found = self.mismatches(wrong, self.booking_exchange)
        self.assertTrue(any("request body" in m and "couponCode" in m for m in found), found)

    def test_an_accepted_path_parameter_the_document_calls_invalid_is_caught(self):
        wrong = copy.deepcopy(self.document)
        wrong["components"]["parameters"]["slug"]["schema"]["pattern"] = "^[0-9]+$"
        found = self.mismatches(wrong, self.booking_exchange)
        self.assertTrue(any("path parameter slug" in m for m in found), found)

    def test_a_missing_required_header_is_caught(self):
        wrong = copy.deepcopy(self.document)
        created = wrong["paths"]["/api/v1/public/businesses/{slug}/bookings"]["post"]["responses"]["201"]
        created["headers"]["ETag"] = {"required": True, "schema": {"type": "string"}}
        found = self.mismatches(wrong, self.booking_exchange)
        self.assertIn("POST /api/v1/public/businesses/{slug}/bookings -> 201: header ETag missing", found)

    def test_a_problem_whose_status_member_disagrees_is_caught(self):
        method, target, req_headers, req_body, status, headers, body = self.not_found_exchange
        lying = body.replace(b'"status":404', b'"status":400')
        self.assertNotEqual(body, lying)
        found = self.mismatches(self.document, (method, target, req_headers, req_body, status, headers, lying))
        self.assertTrue(any("problem status 400 differs" in m for m in found), found)

    def test_an_undocumented_operation_is_caught(self):
        wrong = copy.deepcopy(self.document)
        del wrong["paths"]["/api/v1/public/businesses/{slug}/bookings"]
        found = self.mismatches(wrong, self.booking_exchange)
        self.assertTrue(any("no such path in the document" in m for m in found), found)

    def test_an_undocumented_content_type_is_caught(self):
        wrong = copy.deepcopy(self.document)
        ok = wrong["paths"]["/api/v1/public/businesses/{slug}/bookings"]["post"]["responses"]["201"]
        ok["content"] = {"application/xml": ok["content"]["application/json"]}
        found = self.mismatches(wrong, self.booking_exchange)
        self.assertTrue(any("Content-Type 'application/json' not documented" in m for m in found), found)

    def test_the_harness_fails_a_request_whose_answer_disagrees(self):
        # The same path the whole suite takes: Client.request -> Server.check_contract.
        wrong = copy.deepcopy(self.document)
        wrong["components"]["schemas"]["Business"]["required"].append("plan")
        saved = contract._shared
        contract._shared = contract.Contract(wrong)
        try:
            with self.assertRaises(AssertionError) as caught:
                self.shop.staff.get(self.shop.staff_path(""))
        finally:
            contract._shared = saved
            self.srv.contract_mismatches.clear()
        self.assertIn("'plan' is a required property", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
