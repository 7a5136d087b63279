//! Journey metrics formulas: NPS, RICE, Kano, retention, churn, NRR.
