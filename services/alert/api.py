"""Alert HTTP API under /v1: alerts (incidents), their stream, rules and silences (api_alerts.py); subscriptions and
their controls (api_subscriptions.py); deliveries, the attempt log and API keys (api_deliveries.py)."""

from __future__ import annotations

from fastapi import APIRouter

from services.alert import api_deliveries, api_subscriptions
from services.alert.api_alerts import router as alerts_router

router = APIRouter(prefix="/v1")
router.include_router(alerts_router)
router.include_router(api_subscriptions.router)
router.include_router(api_deliveries.router)
