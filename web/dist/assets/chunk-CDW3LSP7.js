import{a,b,c}from"./chunk-AT2OEZZ7.js";import"./chunk-H2GYPOK5.js";import"./chunk-NWDNQ3TV.js";export{c as CreateCustomer,b as Customers,a as noteOnCustomers};
