import{a,b,c}from"./chunk-C3ACJDYA.js";import"./chunk-RG6KOCEM.js";import"./chunk-W3VLXJZX.js";export{c as CreateCustomer,b as Customers,a as noteOnCustomers};
